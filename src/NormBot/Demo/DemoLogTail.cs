namespace NormBot.Demo;

/// <summary>
/// The bot's last few warnings and errors, kept so that a demo that stalls can say why in its own message: the test
/// runner shows that message, not the bot's stderr.
/// </summary>
public sealed class DemoLogTail : ILoggerProvider
{
    private const int Keep = 3;

    private readonly Queue<string> _lines = new();
    private readonly Lock _gate = new();

    /// <summary>The kept lines, oldest first, or "none".</summary>
    public string Describe()
    {
        lock (_gate)
        {
            return _lines.Count == 0 ? "none" : string.Join(" | ", _lines);
        }
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private void Add(string line)
    {
        lock (_gate)
        {
            _lines.Enqueue(line);
            while (_lines.Count > Keep)
            {
                _lines.Dequeue();
            }
        }
    }

    private sealed class Logger(DemoLogTail tail, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                var error = exception is null ? "" : $" ({exception.GetType().Name}: {exception.Message})";
                tail.Add($"{logLevel} {category}: {formatter(state, exception)}{error}");
            }
        }
    }
}
