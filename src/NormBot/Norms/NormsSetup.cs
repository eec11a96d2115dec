using NormBot.Norms.Asks;
using NormBot.Norms.Context;
using NormBot.Norms.Nudges;
using NormBot.Norms.Overdue;
using NormBot.Norms.Rules;

namespace NormBot.Norms;

public static class NormsSetup
{
    public static IServiceCollection AddNorms(this IServiceCollection services)
    {
        services.AddOptions<NormsOptions>().BindConfiguration(NormsOptions.Section).ValidateOnStart();
        services.AddSingleton<AskStore>();
        services.AddSingleton<AskAddressees>();
        services.AddSingleton<AskPostStore>();
        services.AddSingleton<AnsweredAsks>();
        services.AddSingleton<UnassignedAskFollowUp>();
        services.AddSingleton<Feedback.NudgeFeedbackStore>();
        services.AddSingleton<PendingContextStore>();
        services.AddSingleton<DecisionStore>();
        services.AddSingleton<OverdueStore>();
        services.AddSingleton<Nudger>();
        services.AddSingleton<ContextRule>();
        services.AddSingleton<MisrouteRule>();
        services.AddSingleton<AskRule>();
        services.AddSingleton<ContextGraceScanner>();
        services.AddSingleton<OverdueScanner>();
        services.AddHostedService<RuleTimers>();
        return services;
    }
}
