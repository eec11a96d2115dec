using System.Runtime.InteropServices;

namespace NormBot.Slack.Inbox;

/// <summary>
/// Asks Linux to favour the calling thread (a lower nice value). No .NET API does this: <c>Thread.Priority</c> is
/// ignored on Linux. Lowering a nice value needs CAP_SYS_NICE or an RLIMIT_NICE that allows it (a container's
/// <c>--cap-add SYS_NICE</c> or <c>--ulimit nice=30</c>); without either the thread keeps its priority and the
/// caller says so.
/// </summary>
public static class OsThreadPriority
{
    private const int PrioProcess = 0;

    /// <summary>The kernel's id of the calling thread (what <c>/proc/self/task</c> lists); 0 off Linux.</summary>
    public static int CurrentThreadId() => OperatingSystem.IsLinux() ? gettid() : 0;

    /// <summary>Sets the calling thread's nice value; returns null when done, otherwise why not.</summary>
    public static string? TrySetCurrent(int nice)
    {
        if (!OperatingSystem.IsLinux())
        {
            return "thread priorities are set only on Linux";
        }

        // On Linux, PRIO_PROCESS with a thread id applies to that thread alone.
        if (setpriority(PrioProcess, gettid(), nice) == 0)
        {
            return null;
        }

        var errno = Marshal.GetLastPInvokeError();
        return errno is 1 or 13
            ? "the process may not raise a thread's priority (give the container --cap-add SYS_NICE or --ulimit nice=30)"
            : $"setpriority failed with errno {errno}";
    }

#pragma warning disable SYSLIB1054, CA5392 // two int-only calls: LibraryImport would need unsafe code for nothing.
    [DllImport("libc", SetLastError = true)]
    private static extern int setpriority(int which, int who, int prio);

    [DllImport("libc")]
    private static extern int gettid();
#pragma warning restore SYSLIB1054, CA5392
}
