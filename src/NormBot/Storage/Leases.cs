using Microsoft.Extensions.Options;

namespace NormBot.Storage;

/// <summary>
/// This process's name on the rows it claims (stored events, outgoing messages) and how long a claim holds
/// (<c>Storage:Lease</c>): replicas on one store handle each row once, and a dead process's claims are taken over
/// when they expire (PRODUCT §15).
/// </summary>
public sealed class Leases(IOptions<StorageOptions> options)
{
    /// <summary>Unique per host, so two hosts in one process (tests) do not share claims either.</summary>
    public string Owner { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}";

    public TimeSpan Duration { get; } = options.Value.Lease;
}
