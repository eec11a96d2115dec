using NormBot.Norms.Asks;
using NormBot.Norms.Context;
using NormBot.Norms.Escalations;
using NormBot.Norms.Expectations;
using NormBot.Norms.Nudges;
using NormBot.Norms.Overdue;
using NormBot.Norms.People;
using NormBot.Norms.Rules;

namespace NormBot.Norms;

public static class NormsSetup
{
    public static IServiceCollection AddNorms(this IServiceCollection services)
    {
        services.AddOptions<NormsOptions>().BindConfiguration(NormsOptions.Section).ValidateOnStart();
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<NormsOptions>, NormsOptionsValidator>();
        services.AddSingleton<AskStore>();
        services.AddSingleton<AskSettlements>();
        services.AddSingleton<NormBot.Slack.Leaving.ISlackGoneListener, AsksOnLeaving>();
        services.AddSingleton<AskAddressees>();
        services.AddSingleton<AskPostStore>();
        services.AddSingleton<AnsweredAsks>();
        services.AddSingleton<UnassignedAskFollowUp>();
        services.AddSingleton<Feedback.NudgeFeedbackStore>();
        services.AddSingleton<PendingContextStore>();
        services.AddSingleton<Preview.PreviewStore>();
        services.AddSingleton<Preview.PreviewReplay>();
        services.AddSingleton<DecisionStore>();
        services.AddSingleton<OverdueStore>();
        services.AddSingleton<Nudger>();
        services.AddSingleton<NudgeOwners>();
        services.AddSingleton<ContextRule>();
        services.AddSingleton<MisrouteRule>();
        services.AddSingleton<AskRule>();
        services.AddSingleton<ContextGraceScanner>();
        services.AddSingleton<OverdueScanner>();

        // People's time (PRODUCT §14): whose clock an ask runs on, and the chain it escalates along.
        services.AddSingleton<PersonalHoursStore>();
        services.AddSingleton<SlackWorkHours>();
        services.AddSingleton<AwayStore>();
        services.AddSingleton<HolidayStore>();
        services.AddSingleton<PersonalSchedules>();
        services.AddSingleton<AskClock>();
        services.AddSingleton<ExpectationLine>();
        services.AddSingleton<EscalationStore>();
        services.AddSingleton<EscalationChain>();
        services.AddScoped<PersonalTimeCommands>();
        services.AddScoped<HolidayCommands>();
        services.AddHostedService<RuleTimers>();
        return services;
    }
}
