using NormBot.Norms.Classification;

namespace NormBot.Tests.Norms.Classification;

/// <summary>
/// Realistic top-level workplace messages, labelled by hand with what PRODUCT §5 rule 1 should say at the
/// default min-words of 6. Text is as Slack delivers it: mentions escaped, links in angle brackets.
/// </summary>
public static class ContextClassifierTable
{
    /// <summary>A <paramref name="KnownMiss"/> is a message the classifier gets wrong today; it counts in the miss rate only.</summary>
    public sealed record Message(string Text, bool HasFiles, ContextGap Expected, bool KnownMiss = false)
    {
        public override string ToString() => Text;
    }

    public const int MinWords = 6;

    public static IReadOnlyList<Message> Messages { get; } =
    [
        // Bare greetings.
        new("hi", false, ContextGap.BareGreeting),
        new("Hi!", false, ContextGap.BareGreeting),
        new("HELLO", false, ContextGap.BareGreeting),
        new("hello <@U024BE7LH>", false, ContextGap.BareGreeting),
        new("Hey <@U024BE7LH>!", false, ContextGap.BareGreeting),
        new("hi :wave:", false, ContextGap.BareGreeting),
        new(":wave:", false, ContextGap.BareGreeting),
        new("Hi all 👋", false, ContextGap.BareGreeting),
        new("Morning!", false, ContextGap.BareGreeting),
        new("good morning :sunny:", false, ContextGap.BareGreeting),
        new("hey team", false, ContextGap.BareGreeting),
        new("hey ana", false, ContextGap.BareGreeting),
        new("Hiya <@U024BE7LH> <@U0G9QF9C6>", false, ContextGap.BareGreeting),
        new("hi, how are you?", false, ContextGap.BareGreeting),
        new("Good afternoon folks :slightly_smiling_face:", false, ContextGap.BareGreeting),
        new("hellooo", false, ContextGap.BareGreeting),
        new("Hi there!", false, ContextGap.BareGreeting),
        new("hey <!here>", false, ContextGap.BareGreeting),

        // Bare pings.
        new("ping", false, ContextGap.BarePing),
        new("<@U024BE7LH> ping", false, ContextGap.BarePing),
        new("<@U024BE7LH>", false, ContextGap.BarePing),
        new("<!here>", false, ContextGap.BarePing),
        new("got a minute?", false, ContextGap.BarePing),
        new("you there?", false, ContextGap.BarePing),
        new("quick question", false, ContextGap.BarePing),
        new("Quick question!", false, ContextGap.BarePing),
        new("can I ask something?", false, ContextGap.BarePing),
        new("Hi <@U024BE7LH>, got a sec?", false, ContextGap.BarePing),
        new("hey, do you have a minute?", false, ContextGap.BarePing),
        new("<!subteam^S0614TZR7|@backend> anyone around?", false, ContextGap.BarePing),
        new("hello? anyone there?", false, ContextGap.BarePing),
        new("Hey <@U024BE7LH> quick q", false, ContextGap.BarePing),
        new("Are you free for a quick call?", false, ContextGap.BarePing),
        new("Morning <@U024BE7LH>, you around?", false, ContextGap.BarePing),
        new("Hey! Can I ask you something?", false, ContextGap.BarePing),
        new("Help!", false, ContextGap.BarePing),
        new("yo, u free?", false, ContextGap.BarePing),
        new("Hello, I need some help", false, ContextGap.BarePing),
        new("hey! do you have 5 min?", false, ContextGap.BarePing),
        new("can someone help?", false, ContextGap.BarePing),
        new("Hey, can we talk later today?", false, ContextGap.BarePing, KnownMiss: true), // six words, so not "short"
        new("Do you have a few minutes this afternoon?", false, ContextGap.BarePing, KnownMiss: true),

        // Short questions with nothing to act on.
        new("Any update?", false, ContextGap.ShortQuestion),
        new("thoughts?", false, ContextGap.ShortQuestion),
        new("Can you check?", false, ContextGap.ShortQuestion),
        new("<@U024BE7LH> did you see my message?", false, ContextGap.ShortQuestion),
        new("Is it working now?", false, ContextGap.ShortQuestion),
        new("what's the status?", false, ContextGap.ShortQuestion),
        new("Can you review my PR?", false, ContextGap.ShortQuestion), // which PR? a link would answer it
        new("How do I deploy?", false, ContextGap.ShortQuestion, KnownMiss: true), // "deploy" reads as naming the subject
        new("Where is the doc?", false, ContextGap.ShortQuestion),
        new("did it work", false, ContextGap.ShortQuestion), // a question by its opening, no question mark
        new("status?", false, ContextGap.ShortQuestion),

        // Complete asks: a link, code, a ticket, a file, or enough words.
        new("Can you review <https://github.com/org/repo/pull/12>?", false, ContextGap.None),
        new("Is the deploy of ABC-123 done?", false, ContextGap.None),
        new("Why does `npm ci` fail on main?", false, ContextGap.None),
        new("Is #1234 still blocking the release?", false, ContextGap.None),
        new("What does ```SELECT count(*) FROM asks``` return for you?", false, ContextGap.None),
        new("Can you check this?", true, ContextGap.None), // screenshot attached
        new("hi", true, ContextGap.None), // the file is the message
        new("Hi <@U024BE7LH>, could you review the retry logic in the billing PR before Thursday's release? It touches invoices.", false, ContextGap.None),
        new("<@U024BE7LH> can you take a look at the flaky checkout test when you have a moment? It fails about 1 in 5 runs on main.", false, ContextGap.None),
        new("What is the plan for migrating the payments service to Postgres next quarter?", false, ContextGap.None),
        new("Could someone from infra explain why the nightly backup job took four hours last night?", false, ContextGap.None),
        new("Quick question: is the API rate limit per user or per workspace?", false, ContextGap.None),
        new("Hey <@U024BE7LH>, quick question about <https://acme.atlassian.net/browse/PAY-88|PAY-88>", false, ContextGap.None),

        // Statements, announcements and short answers: nothing to nudge.
        new("Thanks!", false, ContextGap.None),
        new("LGTM", false, ContextGap.None),
        new("Decision: we ship Friday", false, ContextGap.None),
        new("Deploy to staging is done, smoke tests green.", false, ContextGap.None),
        new("Morning all! Standup notes are in the doc, please add your updates by 10:00.", false, ContextGap.None),
        new("Hey team, the staging database will be down for maintenance from 14:00 to 15:00 UTC today.", false, ContextGap.None),
        new("hello everyone, I've pushed the fix for the login bug to staging, please verify before noon", false, ContextGap.None),
        new("sounds good", false, ContextGap.None),
        new("+1", false, ContextGap.None),
        new(":+1:", false, ContextGap.None),
        new("will do", false, ContextGap.None),
        new("On it.", false, ContextGap.None),
        new("Can do", false, ContextGap.None),
        new("ok", false, ContextGap.None),
        new("Happy Friday everyone! :tada:", false, ContextGap.None),
        new("I'm out tomorrow, <@U024BE7LH> is covering on-call.", false, ContextGap.None),
        new("FYI: release notes are up", false, ContextGap.None),
        new("Great work on the launch, team!", false, ContextGap.None),
        new("Welcome <@U024BE7LH>! Glad to have you on the team.", false, ContextGap.None),
        new("Thanks <@U024BE7LH>, that fixed it :pray:", false, ContextGap.None),
        new("hey, thanks", false, ContextGap.None),
        new("Reminder: retro at 3pm", false, ContextGap.None),
        new("Lunch is here", false, ContextGap.None),
        new("What a week!", false, ContextGap.None),
        new("Hi all, I'm out sick today", false, ContextGap.None),
        new("See <https://docs.google.com/document/d/abc|the RFC> and comment by Friday", false, ContextGap.None),
        new("Why? Because the cache was cold, the first request timed out.", false, ContextGap.None),
        new("Shipping the hotfix now &amp; will post the results here", false, ContextGap.None),
        new("hi, is the VPN down for anyone else?", false, ContextGap.None),
        new("Hello team! :wave: Does anyone know who owns the billing service?", false, ContextGap.None),
        new("ping me when you're back", false, ContextGap.None),
        new("Yes, merged it", false, ContextGap.None),
        new("nope, still failing", false, ContextGap.None),
        new("np", false, ContextGap.None),
    ];
}
