namespace NormBot.Protocols;

public enum SlackRefKind
{
    User,
    UserGroup,
    Channel,
}
