//! Text helpers shared by the rules: word tokens, folding of word forms, sentences, language.

/// Characters that join two alphanumeric runs into one token: `e-commerce`, `node.js`,
/// `io_uring`, `don't`, `R&D`; `/` only between short parts (`CI/CD`, `I/O`, `24/7`).
fn joins(c: char) -> bool {
    matches!(c, '-' | '.' | '_' | '\'' | '’' | '&' | '/')
}

/// The word tokens of `text` with their byte offsets: runs of letters and digits, joined by
/// [`joins`] characters, plus a trailing `+`/`#` on short names (`C++`, `C#`).
pub(crate) fn tokens(text: &str) -> Vec<(usize, &str)> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let alnum = |k: usize| chars.get(k).is_some_and(|&(_, c)| c.is_alphanumeric());
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !alnum(i) {
            i += 1;
            continue;
        }
        let start = i;
        let mut part_start = i;
        let mut j = i + 1;
        loop {
            if alnum(j) {
                j += 1;
                continue;
            }
            let Some(&(_, c)) = chars.get(j) else { break };
            if joins(c) && alnum(j + 1) {
                if c == '/' {
                    let before = j - part_start;
                    let after = (j + 1..chars.len()).take_while(|&k| alnum(k)).count();
                    if before > 2 && after > 2 {
                        break;
                    }
                }
                j += 1;
                part_start = j;
                continue;
            }
            break;
        }
        if j - start <= 2 {
            let mut k = j;
            while k < chars.len() && k - j < 2 && matches!(chars[k].1, '+' | '#') {
                k += 1;
            }
            if k > j && !alnum(k) {
                j = k;
            }
        }
        let begin = chars[start].0;
        let end = chars.get(j).map_or(text.len(), |&(b, _)| b);
        out.push((begin, &text[begin..end]));
        i = j;
    }
    out
}

/// The words of `text` (see [`tokens`]).
pub(crate) fn words(text: &str) -> Vec<&str> {
    tokens(text).into_iter().map(|(_, w)| w).collect()
}

/// How many words `text` holds, for length rules: a word is a token (see [`tokens`]), except
/// in Chinese and Japanese, written without spaces, where two characters count as a word.
pub(crate) fn word_count(text: &str) -> usize {
    let is_cjk = |c: char| matches!(c, '\u{3040}'..='\u{30FF}' | '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}');
    words(text)
        .into_iter()
        .map(|word| {
            let cjk = word.chars().filter(|&c| is_cjk(c)).count();
            let other = word.chars().any(|c| c.is_alphanumeric() && !is_cjk(c));
            if cjk == 0 {
                1
            } else {
                cjk.div_ceil(2) + usize::from(other)
            }
        })
        .sum()
}

/// True for a token made of digits (and `.`, `,`, `/`, `-` between them).
pub(crate) fn is_number(word: &str) -> bool {
    word.chars().any(|c| c.is_ascii_digit())
        && word
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '/' | '-'))
}

fn replace_suffix(w: &mut String, suffix: &str, with: &str) -> bool {
    if w.ends_with(suffix) && w.len() > suffix.len() {
        w.truncate(w.len() - suffix.len());
        w.push_str(with);
        true
    } else {
        false
    }
}

fn undouble(w: &mut String) {
    let b = w.as_bytes();
    let n = b.len();
    if n >= 3 && b[n - 1] == b[n - 2] && !b"aeioulsfz".contains(&b[n - 1]) {
        w.pop();
    }
}

/// Folds a word so that case, simple plurals, `-ing`/`-ed` forms, hyphens and British spellings
/// compare equal: `Scheduling`, `schedules` and `scheduled` all fold to `schedul`, `KPIs` to `kpi`,
/// `e-commerce` to `ecommerce`, `organisation` and `organization` alike.
pub(crate) fn fold(word: &str) -> String {
    let mut w: String = word
        .to_lowercase()
        .replace('’', "'")
        .chars()
        .filter(|&c| c != '-')
        .collect();
    if w.ends_with("'s") {
        w.truncate(w.len() - 2);
    }
    let long = |w: &String| w.chars().count();
    // British spellings (the stem before the ending must have two letters or more, so that
    // `raise` and `raising` fold alike, and `rise`, `hour` stay as they are).
    for (from, to) in [
        ("isation", "ization"),
        ("isations", "izations"),
        ("ising", "izing"),
        ("ised", "ized"),
        ("ises", "izes"),
        ("ise", "ize"),
        ("tres", "ters"),
        ("tre", "ter"),
        ("ours", "ors"),
        ("our", "or"),
        ("ogue", "og"),
    ] {
        if w.len() >= from.len() + 2 && replace_suffix(&mut w, from, to) {
            break;
        }
    }
    // Plurals; an acronym's plural (`KPIs`, `APIs`) even where its stem ends in `i`.
    let mut original = word.chars().rev();
    let acronym_plural =
        original.next() == Some('s') && original.next().is_some_and(char::is_uppercase);
    if acronym_plural {
        w.pop();
    } else if long(&w) > 4 && w.ends_with("ies") {
        replace_suffix(&mut w, "ies", "y");
    } else if ["sses", "shes", "ches", "xes", "zzes"]
        .iter()
        .any(|s| w.ends_with(s))
    {
        replace_suffix(&mut w, "es", "");
    } else if long(&w) > 3 && w.ends_with('s') && !["ss", "us", "is"].iter().any(|s| w.ends_with(s))
    {
        w.pop();
    }
    // -ing and -ed.
    if long(&w) > 5 && w.ends_with("ing") {
        replace_suffix(&mut w, "ing", "");
        undouble(&mut w);
    } else if long(&w) > 5 && w.ends_with("ed") && !w.ends_with("eed") {
        replace_suffix(&mut w, "ed", "");
        undouble(&mut w);
    }
    if long(&w) > 3 && w.ends_with('e') && !w.ends_with("ee") {
        w.pop();
    }
    w
}

/// Abbreviations after which a full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "e.g", "i.e", "etc", "vs", "mr", "mrs", "ms", "dr", "prof", "inc", "ltd", "co", "corp", "st",
    "approx", "no", "b.s", "b.a", "m.s", "m.a", "ph.d", "jr", "sr", "dept", "u.s", "mio", "bzw",
    "z.b", "ca",
];

/// Number of sentences in `text`: full stops, question and exclamation marks followed by a
/// space and a capital letter or digit (or the end), not after a known abbreviation or an
/// initial; text after the last one counts as a sentence too.
pub(crate) fn sentences(text: &str) -> usize {
    let chars: Vec<char> = text.trim().chars().collect();
    let mut count = 0;
    let mut open = false;
    for i in 0..chars.len() {
        let c = chars[i];
        if matches!(c, '。' | '！' | '？') {
            // Chinese and Japanese full stops end a sentence wherever they stand.
            count += usize::from(open);
            open = false;
            continue;
        }
        if !matches!(c, '.' | '!' | '?') {
            if !c.is_whitespace() && !matches!(c, '.' | '!' | '?' | '"' | ')') {
                open = true;
            }
            continue;
        }
        if !open {
            continue;
        }
        let next = chars[i + 1..].iter().find(|c| !c.is_whitespace());
        let spaced = chars.get(i + 1).is_none_or(|c| c.is_whitespace());
        let starts = next.is_none_or(|c| c.is_uppercase() || c.is_ascii_digit());
        if !spaced || !starts {
            continue;
        }
        if c == '.' {
            let word: String = chars[..i]
                .iter()
                .rev()
                .take_while(|c| !c.is_whitespace())
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect::<String>()
                .to_lowercase();
            let word = word.trim_start_matches(['(', '"']);
            let initial = word.chars().count() == 1 && word.chars().all(char::is_alphabetic);
            if initial || ABBREVIATIONS.contains(&word) {
                continue;
            }
        }
        count += 1;
        open = false;
    }
    if open {
        count += 1;
    }
    count
}

/// English words common in any English prose and rare in other languages.
const ENGLISH_MARKERS: &[&str] = &[
    "the", "and", "of", "to", "for", "with", "from", "by", "at", "as", "our", "their", "while",
    "across", "into", "a", "on", "that", "this", "was", "were",
];

/// True when `texts` read as English: at least 6% of their words are common English function
/// words (English prose runs at 15–30%, even terse bullets at 8% or more). Too little text to
/// judge (under 25 words) counts as English.
pub(crate) fn looks_english(texts: &[&str]) -> bool {
    let mut total = 0usize;
    let mut marked = 0usize;
    for text in texts {
        for word in words(text) {
            total += 1;
            if ENGLISH_MARKERS.contains(&word.to_lowercase().as_str()) {
                marked += 1;
            }
        }
    }
    total < 25 || marked * 100 >= total * 6
}

/// Upper-cases the first letter of `word`.
pub(crate) fn capitalize(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Shortens `text` to about `max` characters at a word boundary, with an ellipsis.
pub(crate) fn excerpt(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max).collect();
    let cut = match cut.rfind(' ') {
        Some(space) if space > max / 2 => &cut[..space],
        _ => cut.as_str(),
    };
    format!("{}…", cut.trim_end_matches([',', ';', ':', ' ']))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_keep_names_together() {
        assert_eq!(
            words("C++, C# and node.js on CI/CD; calls/chats e-commerce 24/7 io_uring."),
            [
                "C++",
                "C#",
                "and",
                "node.js",
                "on",
                "CI/CD",
                "calls",
                "chats",
                "e-commerce",
                "24/7",
                "io_uring"
            ]
        );
    }

    #[test]
    fn folding_matches_word_forms() {
        assert_eq!(fold("Scheduling"), fold("schedule"));
        assert_eq!(fold("scheduled"), fold("schedules"));
        assert_eq!(fold("KPIs"), "kpi");
        assert_eq!(fold("APIs"), fold("API"));
        assert_eq!(fold("analysis"), "analysis");
        assert_eq!(fold("policies"), fold("policy"));
        assert_eq!(fold("processes"), fold("process"));
        assert_eq!(fold("planning"), fold("plan"));
        assert_eq!(fold("staffing"), "staff");
        assert_eq!(fold("organisation"), fold("organization"));
        assert_eq!(fold("Centre"), fold("center"));
        assert_eq!(fold("e-commerce"), fold("ecommerce"));
        assert_eq!(fold("coaching"), fold("coach"));
        assert_eq!(fold("status"), "status");
        assert_eq!(fold("raising"), fold("raise"));
        assert_eq!(fold("rising"), fold("rise"));
        assert_eq!(fold("colours"), fold("color"));
    }

    #[test]
    fn sentences_are_counted() {
        assert_eq!(sentences("One. Two! Three?"), 3);
        assert_eq!(
            sentences("Holds a B.S. in Physics, e.g. optics. Then more"),
            2
        );
        assert_eq!(sentences("No full stop at the end"), 1);
        assert_eq!(sentences(""), 0);
        assert_eq!(sentences("Raised CSAT to 4.5 in 2019. Done."), 2);
        assert_eq!(sentences("八年客服经验。擅长培训！目标是主管？"), 3);
        assert_eq!(sentences("八年客服经验。擅长培训"), 2);
    }

    #[test]
    fn words_are_counted_in_chinese_too() {
        assert_eq!(word_count("Led a team of 8."), 5);
        // 13 characters of Chinese, then "Zendesk" inside Chinese text.
        assert_eq!(word_count("八年零售客服管理经验，擅长培训"), 5 + 2);
        assert_eq!(word_count("熟练使用Zendesk与Excel"), 3 + 1);
    }

    #[test]
    fn english_is_recognised() {
        assert!(looks_english(&[
            "Led a team of 12 agents across phone and chat, cutting the backlog by 40% in a quarter \
             while raising satisfaction scores for the retail and online channels of the company"
        ]));
        assert!(!looks_english(&[
            "Steuerte Kundenprojekte mit Budgets bis 12 Mio. Euro und fachübergreifenden Teams von \
             bis zu 25 Personen termingerecht und transparent; führte ein neues Risikomanagement \
             ein und senkte Nachträge um ein Drittel gegenüber dem Vorjahr im gesamten Bereich"
        ]));
    }
}
