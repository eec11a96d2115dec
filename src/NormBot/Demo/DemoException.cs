namespace NormBot.Demo;

/// <summary>A demo failure with a message meant for the person running it (no stack trace).</summary>
public sealed class DemoException : Exception
{
    public DemoException()
    {
    }

    public DemoException(string message)
        : base(message)
    {
    }

    public DemoException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
