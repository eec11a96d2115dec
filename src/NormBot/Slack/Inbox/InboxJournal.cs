using NormBot.Storage;

namespace NormBot.Slack.Inbox;

/// <summary>
/// Where an event becomes durable before its ack when the store is a SQLite file: a record written to a segment file
/// in a folder beside the database (<c>normbot.db-inbox/</c>).
/// <para>
/// A written record is in the kernel's page cache once the write returns, so it survives the process being killed
/// just as a SQLite commit does with the <c>synchronous=NORMAL</c> NormBot uses (neither survives the machine losing
/// power before the kernel writes it out). It costs the ack one write call instead of waiting for a transaction on
/// the writer's thread. <see cref="InboxWriter"/> then moves the records into the inbox table in large batches, deduplicated
/// there as before, and a segment is deleted once all its records are in the table; at start, the segments a crash
/// left are moved first.
/// </para>
/// <para>
/// PostgreSQL keeps committing before the ack: its replicas share the database, not this folder.
/// </para>
/// </summary>
public sealed class InboxJournal : IDisposable
{
    public const long SegmentBytes = 4 << 20;
    private const string Extension = ".seg";

    private readonly string _directory;
    private readonly string _prefix = Guid.NewGuid().ToString("N");
    private readonly Lock _rotate = new();
    private JournalSegment? _active;
    private int _sequence;
    private bool _disposed;

    private InboxJournal(string directory) => _directory = directory;

    /// <summary>The journal folder for the configured store, or null where events are committed before the ack instead.</summary>
    public static string? DirectoryFor(Db db) => db.SqliteFile is { } file ? file + "-inbox" : null;

    /// <summary>Starts appending in <paramref name="directory"/>; recover what is already there first.</summary>
    public static InboxJournal Open(string directory)
    {
        Directory.CreateDirectory(directory);
        return new InboxJournal(directory);
    }

    /// <summary>
    /// Segments a process that is gone left behind, each with the records it holds. A segment another live process
    /// appends to is locked, so two replicas on one database never take each other's.
    /// </summary>
    public static IEnumerable<Leftover> Leftovers(string directory)
    {
        if (!Directory.Exists(directory))
        {
            yield break;
        }

        foreach (var path in Directory.EnumerateFiles(directory, "*" + Extension).Order(StringComparer.Ordinal))
        {
            FileStream file;
            try
            {
                file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.None);
            }
            catch (IOException)
            {
                continue; // a live process's, or gone meanwhile
            }

            byte[] bytes;
            using (file)
            {
                bytes = new byte[file.Length];
                file.ReadExactly(bytes);
                yield return new Leftover(path, JournalSegment.ReadRecords(bytes));
            }
        }
    }

    /// <summary>
    /// Makes the event durable; returns the segment that holds it (release it once the event is in the table), or
    /// null for a body too large for a segment, which the caller commits directly.
    /// </summary>
    internal JournalSegment? Append(InboxEnvelope envelope)
    {
        var size = JournalSegment.SizeOf(envelope);
        if (size > SegmentBytes / 2)
        {
            return null;
        }

        while (true)
        {
            var segment = Volatile.Read(ref _active) ?? Rotate(null);
            if (segment is null)
            {
                return null; // stopped
            }

            if (!segment.TryAcquire())
            {
                continue; // full and released meanwhile: another is active now
            }

            bool appended;
            try
            {
                appended = segment.TryAppend(envelope, size);
            }
            catch
            {
                segment.Release(); // a full disk: the caller answers with an error and Slack retries
                throw;
            }

            if (appended)
            {
                return segment;
            }

            segment.Release();
            Rotate(segment);
        }
    }

    private JournalSegment? Rotate(JournalSegment? full)
    {
        JournalSegment next;
        lock (_rotate)
        {
            if (_active != full || _disposed)
            {
                return _active;
            }

            next = JournalSegment.Create(Path.Combine(_directory, $"{_prefix}-{++_sequence:D8}{Extension}"), SegmentBytes);
            Volatile.Write(ref _active, next);
        }

        full?.Release(); // the journal's own reference: the file goes once its records are in the table
        return next;
    }

    /// <summary>
    /// Stops appending (later events are committed directly). The active segment is deleted if everything in it reached
    /// the table, else unlocked and left for the next start, or for the writer to delete once it stores the rest.
    /// </summary>
    public void Dispose()
    {
        lock (_rotate)
        {
            _disposed = true;
            if (_active is { } last && !last.Release())
            {
                last.Abandon();
            }

            _active = null;
        }
    }

    /// <summary>A segment left by a process that is gone: its records, and the file to delete once they are stored.</summary>
    public sealed record Leftover(string Path, IReadOnlyList<InboxEnvelope> Records)
    {
        public void Delete() => File.Delete(Path);
    }
}
