using System.Diagnostics;
using System.Text;

namespace NormBot.Tests.TestSupport;

/// <summary>Runs the built NormBot.dll as a real process, the way ops start it.</summary>
public static class NormBotProcess
{
    public sealed record Result(int ExitCode, string StandardOutput, string StandardError);

    public static async Task<Result> RunAsync(IDictionary<string, string?> environment, TimeSpan timeout, params string[] args)
    {
        using var process = Process.Start(StartInfo(environment, args))!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"NormBot did not exit within {timeout}");
        }

        return new Result(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Starts NormBot serving on <paramref name="port"/> and returns once /health/live answers.</summary>
    public static async Task<Running> StartAsync(IDictionary<string, string?> environment, int port)
    {
        var info = StartInfo(environment, []);
        info.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        var running = new Running(Process.Start(info)!, new Uri($"http://127.0.0.1:{port}/"));
        using var probe = new HttpClient { BaseAddress = running.BaseAddress };
        var deadline = TimeProvider.System.GetUtcNow().AddSeconds(60);
        while (TimeProvider.System.GetUtcNow() < deadline && !running.Process.HasExited)
        {
            try
            {
                if ((await probe.GetAsync("health/live")).IsSuccessStatusCode)
                {
                    return running;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(100);
        }

        running.Dispose();
        throw new InvalidOperationException($"NormBot did not start on port {port}: {running.Output}");
    }

    /// <summary>A free loopback port (free when asked; nothing else on the test machine races for it in practice).</summary>
    public static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static ProcessStartInfo StartInfo(IDictionary<string, string?> environment, string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "NormBot.dll");
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Directory.CreateTempSubdirectory("normbot-proc").FullName,
        };
        info.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        // Start from a clean slate so the developer's own Slack settings cannot leak into the test.
        foreach (var key in info.Environment.Keys.Where(k => k.StartsWith("Slack__", StringComparison.Ordinal) || k.StartsWith("Storage__", StringComparison.Ordinal)).ToList())
        {
            info.Environment.Remove(key);
        }

        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        return info;
    }

    /// <summary>A NormBot process that serves until it is killed; its output is kept for failure messages.</summary>
    public sealed class Running : IDisposable
    {
        private readonly StringBuilder _output = new();

        internal Running(Process process, Uri baseAddress)
        {
            Process = process;
            BaseAddress = baseAddress;
            process.OutputDataReceived += (_, e) => Append(e.Data);
            process.ErrorDataReceived += (_, e) => Append(e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
        }

        public Process Process { get; }

        public Uri BaseAddress { get; }

        public string Output
        {
            get
            {
                lock (_output)
                {
                    return _output.ToString();
                }
            }
        }

        /// <summary>SIGKILL, as the kernel's OOM killer or <c>kill -9</c> ends it: no shutdown code runs.</summary>
        public void Kill()
        {
            Process.Kill();
            Process.WaitForExit();
        }

        public void Dispose()
        {
            if (!Process.HasExited)
            {
                Kill();
            }

            Process.Dispose();
        }

        private void Append(string? line)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }
}
