using System.Diagnostics;
using System.Globalization;
using NormBot.Bench.Scale;
using NormBot.Storage;

// bench/scale: usage  Scale <seed|measure|explain> --store sqlite|postgres --asks N [--data DIR] [--postgres CONN] [--events N]
// seed fills a store once (a SQLite file under --data, or a database normbot_scale_N on --postgres); measure and
// explain reuse it. Exit code 1 when a target is missed, 2 on bad arguments.
var verb = args.FirstOrDefault() ?? "";
string Option(string name, string fallback) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() ?? fallback;
var store = Option("--store", "sqlite");
var asks = int.Parse(Option("--asks", "10000"), CultureInfo.InvariantCulture);
var events = int.Parse(Option("--events", "2000"), CultureInfo.InvariantCulture);
var folder = Option("--data", "/tmp/normbot-scale");
if (verb is not ("seed" or "measure" or "explain") || store is not ("sqlite" or "postgres"))
{
    Console.Error.WriteLine("usage: Scale <seed|measure|explain> --store sqlite|postgres --asks N [--data DIR] [--postgres CONN] [--events N]");
    return 2;
}

// The seeded world's "now": a Tuesday midday, fixed so that a store seeded once reads the same on every run.
var now = new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
var data = new ScaleData(asks, now);
var (provider, connectionString) = store == "sqlite"
    ? (StorageProviders.Sqlite, $"Data Source={Path.Combine(folder, $"scale-{asks}.db")}")
    : (StorageProviders.Postgres, PostgresDatabase.Create(Option("--postgres", ""), $"normbot_scale_{asks}"));
Directory.CreateDirectory(folder);

using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(30));
var ct = cts.Token;
await using var host = await BenchHost.StartAsync(provider, connectionString, now, start: verb == "measure", ct);
var db = host.Services.GetRequiredService<Db>();
await using (var connection = await db.OpenAsync(ct))
{
    var seeded = await Seeder.BusyAsksAsync(connection, ct);
    if (verb == "seed")
    {
        if (seeded > 0)
        {
            Console.Error.WriteLine($"{store} {asks:N0}: already seeded ({seeded:N0} busy asks)");
            return 0;
        }
    }
    else if (seeded == 0)
    {
        Console.Error.WriteLine($"{store} {asks:N0}: not seeded; run seed first");
        return 2;
    }
}

if (verb == "seed")
{
    var watch = Stopwatch.StartNew();
    await Seeder.SeedAsync(host.Services, data, ct);
    Console.Error.WriteLine($"{store} {asks:N0}: seeded in {watch.Elapsed.TotalSeconds:0} s");
    return 0;
}

if (verb == "explain")
{
    await Explain.WriteAsync(db, data, Console.Out, ct);
    return 0;
}

var figures = await new Measurements(host, events).RunAsync(ct);
foreach (var f in figures)
{
    var target = f.Target == 0 ? "-" : $"{(f.HigherIsBetter ? ">=" : "<")} {f.Target:0}";
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {f.Operation} | {store} | {asks:N0} | {f.Value:0.0} {f.Unit} | {f.Max:0.0} | {target} | {(f.Met ? "ok" : "MISSED")} |"));
}

return figures.All(f => f.Met) ? 0 : 1;

