using NormBot.Norms.Classification;
using NormBot.Slack.Users;

namespace NormBot.Norms.Asks;

/// <summary>
/// Turns who an ask is addressed to into the people it waits on (PRODUCT §13): user groups become their members
/// (never the asker), bots and deactivated accounts are left out. An ask whose named people are all bots is an order
/// to a bot, not an ask; one left with nobody else (a deactivated colleague, an empty group, a group Slack will not
/// list) waits on anyone in the channel, so its asker still hears when nobody picks it up.
/// </summary>
public sealed class AskAddressees(UserDirectory users, UserGroups groups)
{
    /// <summary>
    /// A group larger than this is asked like <c>@channel</c>: reminding a whole department one by one is noise, and
    /// looking up that many people would hold up the event for minutes at Slack's pace for users.info.
    /// </summary>
    public const int MaxGroupSize = 30;

    /// <summary>The people to wait on (<see cref="AskStore.Anyone"/> for anyone), or null when it is not an ask of people.</summary>
    public async Task<IReadOnlyList<Addressee>?> ResolveAsync(string teamId, string askerId, AskVerdict verdict, bool isTopLevel, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        if (verdict.Anyone)
        {
            return [new Addressee(AskStore.Anyone, null)];
        }

        var people = new List<Addressee>();
        var onlyBots = verdict.Groups.Count == 0;
        foreach (var user in verdict.Users)
        {
            var profile = await users.GetAsync(teamId, user, ct);
            onlyBots &= profile is { IsBot: true };

            // When Slack cannot say (null), assume a person: a missed reminder costs more than a wasted one.
            if (profile is null or { CanAnswer: true })
            {
                people.Add(new Addressee(user, null));
            }
        }

        foreach (var group in verdict.Groups)
        {
            var members = await groups.MembersAsync(teamId, group, ct) ?? [];
            if (members.Count > MaxGroupSize)
            {
                continue;
            }

            foreach (var member in members)
            {
                if (member != askerId && people.All(p => p.UserId != member) && await users.GetAsync(teamId, member, ct) is null or { CanAnswer: true })
                {
                    people.Add(new Addressee(member, group));
                }
            }
        }

        if (people.Count > 0)
        {
            return people;
        }

        return onlyBots || !isTopLevel ? null : [new Addressee(AskStore.Anyone, null)];
    }
}

/// <summary>One person an ask waits on, and the user group they were asked through, if any.</summary>
public sealed record Addressee(string UserId, string? GroupId);
