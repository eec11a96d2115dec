using System.Text.RegularExpressions;

namespace NormBot.Norms.Classification;

/// <summary>
/// Recognises messages made only of greetings and pings ("hi", "hey team, got a minute?"). A message
/// matches only if every word is consumed by a known phrase, an addressee ("team", "all") or one name
/// right after a greeting; one word of real content and it is not a bare greeting.
/// </summary>
internal static partial class GreetingPhrases
{
    public enum Kind
    {
        None,
        Greeting,
        Ping,
    }

    private static readonly string[] Greetings =
    [
        "hi", "hii", "hiii", "hello", "hallo", "helo", "hey", "heya", "hiya", "heyo", "yo", "howdy", "hola", "greetings", "sup",
        "morning", "good morning", "mornin", "gm", "afternoon", "good afternoon", "evening", "good evening", "good day",
        "what's up", "whats up", "wassup", "how are you", "how are you doing", "how r u", "how's it going", "hows it going",
        "how are things", "how is it going", "hope you're well", "hope you are well", "hope you're doing well",
        // the greetings of the languages teams mix in
        "bonjour", "salut", "coucou", "guten morgen", "guten tag", "morgen", "moin", "servus", "buenos días", "buenos dias",
        "buen día", "buen dia", "buenas", "buenas tardes", "olá", "ola", "oi", "bom dia", "boa tarde", "ciao", "buongiorno",
        "salve", "hej", "hei", "hoi", "goedemorgen", "namaste", "merhaba", "dzień dobry", "cześć", "ahoj", "shalom", "salam",
        "привет", "здравствуйте", "доброе утро", "こんにちは", "おはよう", "你好", "안녕하세요",
    ];

    private static readonly string[] Pings =
    [
        "ping", "pinging", "you there", "are you there", "u there", "r u there", "anyone there", "anybody there",
        "anyone around", "anybody around", "you around", "are you around", "around", "are you free", "you free",
        "free for a call", "free for a quick call", "are you free for a call", "are you free for a quick call", "quick call", "call", "can we talk", "can we chat", "can we hop on a call",
        "got a minute", "got a min", "got a sec", "got a second", "got a moment", "got 5 minutes", "got 5 min", "got five minutes",
        "have a minute", "have a sec", "have a second", "have a moment", "do you have a minute", "do you have a sec",
        "do you have a second", "do you have a moment", "you have a minute", "you got a minute", "have you got a minute",
        "quick question", "quick q", "a quick question", "question", "a question", "i have a question", "i have a quick question",
        "i've got a question", "got a question", "question for you", "quick question for you", "quick one",
        "can i ask something", "can i ask you something", "can i ask a question", "can i ask you a question", "can i ask",
        "may i ask something", "may i ask you something", "can i borrow you", "can i steal you", "can i bug you",
        "need help", "need your help", "i need help", "i need your help", "help", "can you help", "can you help me",
        "could you help me", "can someone help", "can anyone help", "anyone", "need a hand", "a sec", "one sec",
        "u free", "are you busy", "you busy", "need some help", "i need some help",
        "do you have 5 min", "do you have 5 minutes", "have 5 min", "have 5 minutes", "you have 5 min", "got 2 min", "got 10 min",
        "do you have a few minutes", "have a few minutes", "a few minutes", "a minute", "a moment", "to chat", "to talk", "for a chat",
        "chat", "talk", "can we chat", "can someone help me", "can anyone help me", "could someone help me", "who can help",
        "i'm having an issue", "im having an issue", "having an issue", "i have an issue", "i have a problem", "having a problem",
        "i'm having a problem", "having some issues", "i'm having some issues", "i need help with", "help with", "question about",
        // other languages' "got a minute?" and "can someone help?"
        "hast du kurz zeit", "hast du zeit", "hast du eine minute", "kannst du mir helfen", "tienes un minuto", "tienes un momento",
        "alguien puede ayudarme", "alguém pode me ajudar", "alguém pode ajudar", "tens um minuto", "você tem um minuto",
        "tu as une minute", "t'as une minute", "quelqu'un peut m'aider", "hai un minuto", "qualcuno può aiutarmi",
    ];

    private static readonly string[] Fillers =
    [
        "team", "all", "everyone", "everybody", "folks", "guys", "y'all", "yall", "people", "peeps", "friends", "gang",
        "there", "again", "both", "you", "u", "mate", "buddy", "please", "pls", "so", "um", "uh", "oh", "ok", "and",
        "sorry", "just", "real", "really", "very", "super", "quickly", "for", "with", "about", "something", "sth", "smth",
        "a", "today", "later", "this", "afternoon", "to",
        // "everyone" and "team" in the languages of the greetings above
        "zusammen", "allerseits", "à", "tous", "tout", "le", "monde", "todos", "equipo", "pessoal", "ragazzi", "tutti", "gente",
    ];

    // Words that follow a greeting and carry meaning of their own ("hey, thanks"), so are never taken as a name.
    private static readonly string[] NotNames =
    [
        "thanks", "thank", "thx", "ty", "cheers", "welcome", "congrats", "congratulations", "bye", "is", "are", "can", "could",
        "did", "do", "does", "will", "would", "should", "what", "why", "how", "when", "where", "who", "i", "i'm", "we", "it",
    ];

    public static Kind Match(string plainText)
    {
        var words = MessageText.Words(plainText).Select(Normalize).ToArray();
        var sawGreeting = false;
        var sawPing = false;
        var nameAllowed = false;
        for (var i = 0; i < words.Length;)
        {
            if (Consume(Pings, words, ref i))
            {
                sawPing = true;
                nameAllowed = false;
            }
            else if (Consume(Greetings, words, ref i))
            {
                sawGreeting = true;
                nameAllowed = true;
            }
            else if (Fillers.Contains(words[i]))
            {
                i++;
            }
            else if (nameAllowed && !NotNames.Contains(words[i]))
            {
                // "hey ana": one unknown word straight after a greeting is taken as a hand-typed name.
                nameAllowed = false;
                i++;
            }
            else
            {
                return Kind.None;
            }
        }

        return sawPing ? Kind.Ping : sawGreeting ? Kind.Greeting : Kind.None;
    }

    // "heyyy" and "hellooo" are the same greeting stretched for warmth.
    private static string Normalize(string word) =>
        Stretched().Replace(word.ToLowerInvariant().Replace('’', '\''), "$1");

    [GeneratedRegex(@"(\p{L})\1{2,}")]
    private static partial Regex Stretched();

    // Longest phrase first, so "good morning" wins over nothing and "quick question for you" over "quick question".
    private static bool Consume(string[] phrases, string[] words, ref int index)
    {
        var start = index;
        var best = 0;
        foreach (var phrase in phrases)
        {
            var parts = phrase.Split(' ');
            if (parts.Length > best && start + parts.Length <= words.Length
                && parts.Select((p, k) => p == words[start + k]).All(x => x))
            {
                best = parts.Length;
            }
        }

        index += best;
        return best > 0;
    }
}
