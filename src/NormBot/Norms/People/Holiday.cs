using System.Globalization;

namespace NormBot.Norms.People;

/// <summary>Whole local days off (PRODUCT §14) for the workspace (<see cref="Scope"/> '*') or one channel.</summary>
public sealed record Holiday(string Scope, DateOnly First, DateOnly Last, string Name)
{
    public IEnumerable<DateOnly> Days => Enumerable.Range(0, Last.DayNumber - First.DayNumber + 1).Select(First.AddDays);

    public bool Contains(DateOnly day) => First <= day && day <= Last;

    /// <summary>"Thu 24 Dec 2026" or "Thu 24 Dec – Sat 26 Dec 2026", then the name.</summary>
    public override string ToString()
    {
        var last = Last.ToString("ddd d MMM yyyy", CultureInfo.InvariantCulture);
        var days = First == Last ? last : $"{First.ToString(First.Year == Last.Year ? "ddd d MMM" : "ddd d MMM yyyy", CultureInfo.InvariantCulture)} – {last}";
        return Name.Length == 0 ? days : $"{days} {Name}";
    }
}
