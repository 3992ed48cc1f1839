//! Job fit: the key terms of a job ad, and which of them the resume covers.
//!
//! # Extracting key terms
//!
//! 1. The ad is read as plain text. Its first lines up to the first blank line are a header when
//!    short (at most 3 lines): the first is the job title and is kept; the others (employer,
//!    place) are not requirements, and terms made only of their words are dropped.
//! 2. Sections under headings about the employer rather than the job ("What we offer",
//!    "Benefits", "About us", "How we work", "How to apply", …) are skipped.
//! 3. The text is cut into runs of content words: punctuation, blank lines, numbers, stop-words
//!    ("and", "the", "with", …) and generic job-ad words ("experience", "ability", "strong",
//!    "team", "years", …) end a run. Stop-words written as names (`IT`, `Go` in mid-sentence)
//!    count as content.
//! 4. Each run of one to three words is a key term ("Zendesk", "conflict resolution", "first
//!    contact resolution"); longer runs are cut into pieces of two or three words.
//! 5. Words are folded before comparing: case, simple plurals, `-ing`/`-ed` endings, hyphens and
//!    British spellings (`Scheduling` = `schedule`, `KPIs` = `KPI`, `centre` = `center`).
//!
//! # Coverage
//!
//! A term is covered when its folded words appear in this order in one field of the resume
//! (summary, title, positions, bullets, skills, certificates, education, projects, …); stop-words
//! and generic words between them are ignored, so "launched a live chat pilot" covers "launching
//! live chat". Coverage is covered terms ÷ all terms; each term counts once however often either
//! side repeats it, so repeating a keyword earns nothing.

use std::collections::{HashMap, HashSet};

use serde::Serialize;

use super::lexicon::{
    COMPOUNDS, DISCIPLINES, DUTY_VERBS, FINITE_VERBS, GENERIC_WORDS, SKIP_HEADING_PHRASES,
    SKIP_HEADING_WORDS, STOP_WORDS,
};
use super::text::{fold, is_number, tokens};
use super::{Category, Cx, Finding, Severity};

/// A key term of a job ad.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct KeyTerm {
    /// The term as the ad writes it (lower case unless written as a name: `Zendesk`, `CSAT`).
    pub term: String,
    /// Its folded words, used for matching.
    pub folded: Vec<String>,
    /// How often the ad uses it.
    pub count: usize,
    /// The line of the ad (1-based) it is first found on: where it comes from.
    pub line: usize,
}

/// A key term of the job ad and whether the resume covers it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Term {
    /// The term as the ad writes it.
    pub term: String,
    /// How often the ad uses it.
    pub in_ad: usize,
    /// How often the resume uses it (repeats earn nothing extra).
    pub in_resume: usize,
    /// True when the resume uses it at least once.
    pub found: bool,
    /// The line of the ad (1-based) it is first found on: where it comes from.
    pub line: usize,
}

/// Keyword coverage of a job ad.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct JobFit {
    /// Covered terms as a percentage of all terms, rounded to one decimal.
    pub coverage: f64,
    /// Number of covered terms.
    pub found: usize,
    /// Number of key terms in the ad.
    pub total: usize,
    /// Every key term, most used in the ad first.
    pub terms: Vec<Term>,
}

impl JobFit {
    /// Terms the resume does not use, most used in the ad first.
    pub fn missing(&self) -> impl Iterator<Item = &Term> {
        self.terms.iter().filter(|t| !t.found)
    }

    /// Terms the resume uses.
    pub fn covered(&self) -> impl Iterator<Item = &Term> {
        self.terms.iter().filter(|t| t.found)
    }
}

/// A word of a text with what the rules need to know about it.
#[derive(Clone, Debug)]
struct Word {
    /// Byte offset of the word in the text it was read from.
    at: usize,
    folded: String,
    shown: String,
    /// Written as a name: capitalised in mid-sentence, or with capitals after the first letter.
    name_like: bool,
    /// Part of a key term (not a stop-word, generic word or number).
    content: bool,
    /// A duty verb ("approve", "prepare"), dropped at the start of a run.
    duty: bool,
}

struct Vocabulary {
    stop: HashSet<String>,
    generic: HashSet<String>,
    duty: HashSet<String>,
}

impl Vocabulary {
    fn new() -> Vocabulary {
        Vocabulary {
            stop: STOP_WORDS
                .iter()
                .flat_map(|w| [w.to_string(), fold(w)])
                .collect(),
            generic: GENERIC_WORDS.iter().map(|w| fold(w)).collect(),
            duty: DUTY_VERBS.iter().map(|w| fold(w)).collect(),
        }
    }

    /// Segments of `text` (split at punctuation and blank lines), as words.
    fn segments(&self, text: &str) -> Vec<Vec<Word>> {
        let mut segments: Vec<Vec<Word>> = Vec::new();
        let mut current: Vec<Word> = Vec::new();
        let mut last_end: Option<usize> = None;
        for (at, token) in tokens(text) {
            let sentence_start = match last_end {
                None => true,
                Some(end) => {
                    let gap = &text[end..at];
                    let paragraph = gap.matches('\n').count() >= 2;
                    if (paragraph || gap.chars().any(|c| !c.is_whitespace())) && !current.is_empty()
                    {
                        segments.push(std::mem::take(&mut current));
                    }
                    let item = gap
                        .split('\n')
                        .skip(1)
                        .any(|line| line.trim_start().starts_with(['-', '*', '•', '·']));
                    paragraph || item || gap.contains(['.', '!', '?', ':', ';'])
                }
            };
            last_end = Some(at + token.len());
            current.push(self.word(at, token, sentence_start));
        }
        if !current.is_empty() {
            segments.push(current);
        }
        for segment in &mut segments {
            compounds(segment);
        }
        segments
    }

    fn word(&self, at: usize, token: &str, sentence_start: bool) -> Word {
        let lower = token.to_lowercase();
        let folded = fold(token);
        let mut chars = token.chars();
        let first_upper = chars.next().is_some_and(char::is_uppercase);
        let later_upper = chars.any(char::is_uppercase);
        let length = token.chars().count();
        let letters = token.chars().filter(|c| c.is_alphabetic()).count();
        let all_caps = letters >= 2 && !token.chars().any(char::is_lowercase);
        let name_like = later_upper || (first_upper && !sentence_start);
        let listed = self.stop.contains(&lower)
            || self.stop.contains(&folded)
            || self.generic.contains(&folded)
            || FINITE_VERBS.contains(&lower.as_str())
            || adverb(&lower);
        let exempt = all_caps || (name_like && length <= 3);
        let content = !is_number(token) && letters >= 1 && length >= 2 && (!listed || exempt);
        let duty = content && self.duty.contains(&folded) && !DISCIPLINES.contains(&lower.as_str());
        Word {
            at,
            folded,
            shown: token.to_string(),
            name_like,
            content,
            duty,
        }
    }
}

/// Words that end in `-ly` and are no nouns: adverbs and adjectives such as "closely",
/// "smoothly", "weekly".
fn adverb(lower: &str) -> bool {
    const NOUNS: &[&str] = &[
        "supply",
        "assembly",
        "anomaly",
        "family",
        "reply",
        "apply",
        "rally",
        "italy",
        "july",
        "butterfly",
        "monopoly",
        "poly",
        "ally",
        "bully",
        "jelly",
        "belly",
        "homily",
    ];
    lower.chars().count() >= 6 && lower.ends_with("ly") && !NOUNS.contains(&lower)
}

/// Marks both words of each [`COMPOUNDS`] pair in `segment` as content.
fn compounds(segment: &mut [Word]) {
    for i in 1..segment.len() {
        let pair = (segment[i - 1].folded.as_str(), segment[i].folded.as_str());
        if COMPOUNDS
            .iter()
            .any(|(a, b)| (fold(a).as_str(), fold(b).as_str()) == pair)
        {
            segment[i - 1].content = true;
            segment[i].content = true;
        }
    }
}

/// How a term is shown: as written where its words are names, else in lower case; a run of
/// capitalised words with a name among them ("Contact Centre Manager") keeps its capitals.
fn display(words: &[Word]) -> String {
    let capitalised = |w: &Word| w.shown.chars().next().is_some_and(char::is_uppercase);
    let title = words.iter().all(capitalised) && words.iter().any(|w| w.name_like);
    words
        .iter()
        .map(|w| {
            if title || w.name_like {
                w.shown.clone()
            } else {
                w.shown.to_lowercase()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// True when a line looks like a section heading: short, no final full stop, not a list item.
fn is_heading(line: &str) -> bool {
    let t = line.trim();
    let words = t.split_whitespace().count();
    !t.is_empty()
        && words <= 6
        && !t.ends_with(['.', ',', ';'])
        && !t.starts_with(['-', '*', '•', '·', '–'])
        && t.chars().next().is_some_and(|c| c.is_uppercase())
}

/// True when a heading introduces a section about the employer rather than the job.
fn skipped_heading(heading: &str) -> bool {
    let lower = heading.trim().trim_end_matches(':').to_lowercase();
    let words: Vec<&str> = lower.split(|c: char| !c.is_alphanumeric()).collect();
    if words.iter().any(|w| SKIP_HEADING_WORDS.contains(w)) {
        return true;
    }
    if SKIP_HEADING_PHRASES.iter().any(|p| lower.contains(p)) {
        return true;
    }
    lower.starts_with("about")
        && !["role", "position", "job", "opportunity", "you"]
            .iter()
            .any(|k| words.contains(k))
}

/// The parts of a job ad that describe the job, each with the 1-based line it starts on, and the
/// folded words of its header lines after the title (employer and place).
///
/// In the ad's introduction (the paragraph after its header, or a section headed "About …"),
/// sentences about the employer rather than the job are blanked out (their line breaks kept, so
/// that line numbers stay right): those that start with "We", "Our" or the employer's name (the
/// header's second line up to a dash, comma or bar) and do not speak of the hire ("you",
/// "hiring", "looking for", "join", …). "Our platform team owns the engine that ingests billions
/// of data points" describes the company; "We are hiring an engineer to build …" is the job.
fn job_text(ad: &str) -> (Vec<(usize, String)>, HashSet<String>) {
    let lines: Vec<&str> = ad.lines().collect();
    let mut context = HashSet::new();
    let mut employer: Option<String> = None;
    // Each block with the line it starts on and whether it is part of the introduction.
    let mut blocks: Vec<(usize, String, bool)> = Vec::new();
    let header_len = lines.iter().take_while(|l| !l.trim().is_empty()).count();
    let mut start = 0;
    let has_body = header_len < lines.len();
    if has_body
        && header_len <= 3
        && lines[..header_len]
            .iter()
            .all(|l| l.split_whitespace().count() <= 14)
    {
        if let Some(title) = lines.first() {
            blocks.push((1, title.to_string(), false));
        }
        for line in &lines[1..header_len] {
            for (_, token) in tokens(line) {
                context.insert(fold(token));
            }
        }
        employer = lines
            .get(1)
            .and_then(|line| line.split([',', '|', '–', '—']).next())
            .and_then(|name| name.split(" - ").next())
            .and_then(|name| {
                tokens(name)
                    .into_iter()
                    .next()
                    .map(|(_, first)| first.to_string())
            });
        start = header_len;
    }
    let mut skipping = false;
    let mut introduction = employer.is_some();
    let mut block = String::new();
    let mut block_line = 0;
    let mut previous_blank = true;
    for (index, line) in lines.iter().enumerate().skip(start) {
        let blank = line.trim().is_empty();
        if blank {
            if !block.is_empty() {
                blocks.push((block_line, std::mem::take(&mut block), introduction));
                introduction = false;
            }
        } else if previous_blank && is_heading(line) {
            skipping = skipped_heading(line);
            introduction = line.trim().to_lowercase().starts_with("about");
        } else if !skipping {
            if block.is_empty() {
                block_line = index + 1;
            }
            block.push_str(line);
            block.push('\n');
        }
        previous_blank = blank;
    }
    if !block.is_empty() {
        blocks.push((block_line, block, introduction));
    }
    let blocks = blocks
        .into_iter()
        .map(|(line, block, introduction)| {
            if introduction {
                (
                    line,
                    without_employer_sentences(&block, employer.as_deref()),
                )
            } else {
                (line, block)
            }
        })
        .collect();
    (blocks, context)
}

/// `block` with each sentence about the employer (see [`job_text`]) replaced by spaces, line
/// breaks kept.
fn without_employer_sentences(block: &str, employer: Option<&str>) -> String {
    const ABOUT_THE_HIRE: &[&str] = &[
        "you",
        "your",
        "hiring",
        "hire",
        "looking",
        "seeking",
        "join",
        "candidate",
        "role",
    ];
    let mut out = String::with_capacity(block.len());
    let mut rest = block;
    while !rest.is_empty() {
        // A sentence ends after `.`, `!` or `?` followed by white space, or at a list item.
        let end = rest
            .char_indices()
            .find(|&(i, c)| {
                matches!(c, '.' | '!' | '?')
                    && rest[i + 1..].starts_with(|n: char| n.is_whitespace())
            })
            .map_or(rest.len(), |(i, _)| i + 1);
        let (sentence, after) = rest.split_at(end);
        let words: Vec<&str> = tokens(sentence).into_iter().map(|(_, t)| t).collect();
        let about_employer = words
            .first()
            .is_some_and(|first| ["We", "Our"].contains(first) || Some(*first) == employer)
            && !words
                .iter()
                .any(|w| ABOUT_THE_HIRE.contains(&w.to_lowercase().as_str()));
        if about_employer {
            out.extend(sentence.chars().map(|c| if c == '\n' { '\n' } else { ' ' }));
        } else {
            out.push_str(sentence);
        }
        rest = after;
    }
    out
}

/// How many words at the start of a run are duties rather than skills: a duty verb ("Approve
/// refunds"), "lead" before what is led ("lead calibration sessions", but not "Lead Engineer"),
/// "help" before a verb ("help design", but not "help centre").
fn duties(run: &[Word]) -> usize {
    let Some(first) = run.first() else { return 0 };
    let next = run.get(1);
    if first.duty {
        return 1;
    }
    match first.shown.to_lowercase().as_str() {
        "lead" if next.is_some() && !first.name_like => 1,
        "help" if next.is_some_and(|w| super::bullets::verb_like(&w.shown.to_lowercase())) => 2,
        _ => 0,
    }
}

/// Cuts a run longer than three words into pieces of two or three.
fn pieces(run: &[Word]) -> Vec<&[Word]> {
    let n = run.len();
    if n <= 3 {
        return vec![run];
    }
    let count = n.div_ceil(3);
    let mut out = Vec::new();
    let mut at = 0;
    for k in 0..count {
        let size = (n - at).div_ceil(count - k);
        out.push(&run[at..at + size]);
        at += size;
    }
    out
}

/// The key terms of a job ad, most used first (ties in order of appearance).
pub fn key_terms(ad: &str) -> Vec<KeyTerm> {
    let vocabulary = Vocabulary::new();
    let (blocks, context) = job_text(ad);
    let mut order: Vec<String> = Vec::new();
    let mut found: HashMap<String, (Vec<Word>, usize, usize)> = HashMap::new();
    for (first_line, block) in &blocks {
        let line_of = |at: usize| first_line + block[..at].matches('\n').count();
        for segment in vocabulary.segments(block) {
            for run in segment.split(|w| !w.content) {
                let run = &run[duties(run)..];
                if run.is_empty() {
                    continue;
                }
                for piece in pieces(run) {
                    if piece.iter().all(|w| context.contains(&w.folded)) {
                        continue;
                    }
                    let key = piece
                        .iter()
                        .map(|w| w.folded.as_str())
                        .collect::<Vec<_>>()
                        .join(" ");
                    let entry = found.entry(key.clone()).or_insert_with(|| {
                        order.push(key);
                        (piece.to_vec(), 0, line_of(piece[0].at))
                    });
                    entry.1 += 1;
                }
            }
        }
    }
    let mut terms: Vec<KeyTerm> = order
        .into_iter()
        .filter_map(|key| {
            let (words, count, line) = found.remove(&key)?;
            Some(KeyTerm {
                term: display(&words),
                folded: words.into_iter().map(|w| w.folded).collect(),
                count,
                line,
            })
        })
        .collect();
    terms.sort_by_key(|t| std::cmp::Reverse(t.count));
    terms
}

/// Counts of every folded 1-, 2- and 3-word sequence of content words in the resume's fields.
fn resume_ngrams(cx: &Cx) -> HashMap<String, usize> {
    let vocabulary = Vocabulary::new();
    let mut counts = HashMap::new();
    for (_, text) in cx.texts() {
        for segment in vocabulary.segments(text) {
            let words: Vec<&str> = segment
                .iter()
                .filter(|w| w.content)
                .map(|w| w.folded.as_str())
                .collect();
            for n in 1..=3 {
                for window in words.windows(n) {
                    *counts.entry(window.join(" ")).or_insert(0) += 1;
                }
            }
        }
    }
    counts
}

/// Coverage under this percentage is a warning.
pub(crate) const COVERAGE_TARGET: f64 = 50.0;
/// Missing terms named in the report.
const MISSING_SHOWN: usize = 15;

pub(super) fn check(cx: &Cx, ad: &str, out: &mut Vec<Finding>) -> JobFit {
    let ngrams = resume_ngrams(cx);
    let terms: Vec<Term> = key_terms(ad)
        .into_iter()
        .map(|k| {
            let in_resume = ngrams.get(&k.folded.join(" ")).copied().unwrap_or(0);
            Term {
                term: k.term,
                in_ad: k.count,
                in_resume,
                found: in_resume > 0,
                line: k.line,
            }
        })
        .collect();
    let total = terms.len();
    let found = terms.iter().filter(|t| t.found).count();
    let coverage = if total == 0 {
        0.0
    } else {
        (1000.0 * found as f64 / total as f64).round() / 10.0
    };
    let fit = JobFit {
        coverage,
        found,
        total,
        terms,
    };
    if total == 0 {
        out.push(Finding::new(
            Severity::Warning,
            Category::JobFit,
            "job.no-terms",
            "$",
            "found no key terms in the job ad",
            "Pass the job ad as plain text (the duties and requirements).",
        ));
        return fit;
    }
    let message =
        format!("the resume uses {found} of the job ad's {total} key terms ({coverage}%)");
    if coverage < COVERAGE_TARGET {
        out.push(Finding::new(
            Severity::Warning,
            Category::JobFit,
            "job.coverage",
            "$",
            message,
            "Tailor the resume: where they are true for you, use the ad's own words in the \
             summary, bullets and skills.",
        ));
    } else {
        out.push(Finding::new(
            Severity::Info,
            Category::JobFit,
            "job.coverage",
            "$",
            message,
            "Good match; check the missing terms below for any you can honestly add.",
        ));
    }
    let missing: Vec<&str> = fit
        .missing()
        .take(MISSING_SHOWN)
        .map(|t| t.term.as_str())
        .collect();
    if !missing.is_empty() {
        let more = fit.total - fit.found - missing.len();
        out.push(Finding::new(
            Severity::Info,
            Category::JobFit,
            "job.missing",
            "$",
            format!(
                "missing: {}{}",
                missing.join(", "),
                if more > 0 {
                    format!(" and {more} more")
                } else {
                    String::new()
                }
            ),
            "Add the ones that describe your experience to bullets or skills (once is enough: \
             repeats earn nothing).",
        ));
    }
    fit
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(ad: &str) -> Vec<String> {
        key_terms(ad).into_iter().map(|t| t.term).collect()
    }

    #[test]
    fn phrases_and_names_are_terms() {
        let t = terms(
            "Support Lead\nAcme Widgets – Springfield\n\nWhat you will do\n- Own conflict \
             resolution and customer satisfaction in Zendesk.\n- Keep CRM data clean.\n\nWhat we \
             offer\nA competitive salary and free snacks.\n",
        );
        for want in [
            "Support Lead",
            "conflict resolution",
            "customer satisfaction",
            "Zendesk",
            "CRM data",
        ] {
            assert!(t.contains(&want.to_string()), "{want} in {t:?}");
        }
        for unwanted in ["salary", "snacks", "acme widgets", "springfield"] {
            assert!(
                !t.iter().any(|x| x.to_lowercase() == unwanted),
                "{unwanted} in {t:?}"
            );
        }
    }

    #[test]
    fn plurals_and_case_fold_together() {
        let t = key_terms("We use Zendesk. Zendesk tickets, zendesk macros; KPIs and the KPI.");
        let zendesk = t.iter().find(|k| k.term == "Zendesk").map(|k| k.count);
        assert_eq!(zendesk, Some(1), "{t:?}");
        let kpi = t.iter().find(|k| k.folded == ["kpi"]).map(|k| k.count);
        assert_eq!(kpi, Some(2), "{t:?}");
    }

    #[test]
    fn long_runs_are_cut() {
        let words: Vec<Word> = (0..7)
            .map(|i| Word {
                at: i,
                folded: i.to_string(),
                shown: i.to_string(),
                name_like: false,
                content: true,
                duty: false,
            })
            .collect();
        let sizes: Vec<usize> = pieces(&words).iter().map(|p| p.len()).collect();
        assert_eq!(sizes, [3, 2, 2]);
    }
}
