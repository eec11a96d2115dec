using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;

namespace NormBot.Tests.TestSupport;

/// <summary>Marks a test (or a class of them) that checks against Slack's published specs: skipped when they are absent.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, Inherited = true)]
public sealed class SlackSpecsAttribute : NUnitAttribute, IApplyToTest
{
    public void ApplyToTest(NUnit.Framework.Internal.Test test)
    {
        ArgumentNullException.ThrowIfNull(test);
        if (SlackSpecs.Root is null && test.RunState is RunState.Runnable or RunState.Explicit)
        {
            test.RunState = RunState.Ignored;
            test.Properties.Set(PropertyNames.SkipReason, SlackSpecs.Missing);
        }
    }
}
