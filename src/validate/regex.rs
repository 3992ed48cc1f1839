//! Regular expressions for the schema's `pattern` keyword.
//!
//! Covers the part of ECMA-262 syntax that JSON Schema patterns use in practice: literals, `.`,
//! classes `[a-z0-9_]` / `[^…]`, the escapes `\d \D \w \W \s \S`, `\t \n \r \f \v \0`, `\xHH`,
//! `\uHHHH` and escaped punctuation, groups `( … )` and `(?: … )`, alternation `|`, the anchors `^`
//! and `$`, and the quantifiers `* + ? {n} {n,} {n,m}` (greedy or lazy: the same for a yes/no
//! answer). Anything else (back-references, look-around, `\b`, flags) is refused when the pattern is
//! compiled, never silently misread.
//!
//! Matching searches the whole text, as ECMA-262's `RegExp.prototype.test` does (anchor with `^…$`),
//! and runs a Pike VM: time is linear in the length of the text, whatever the pattern.

use std::fmt;

/// A compiled pattern.
#[derive(Clone, Debug)]
pub(crate) struct Regex {
    program: Vec<Inst>,
}

/// Why a pattern could not be compiled.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct RegexError {
    /// Character offset in the pattern.
    pub(crate) at: usize,
    /// What is wrong.
    pub(crate) message: String,
}

impl fmt::Display for RegexError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "at character {}: {}", self.at + 1, self.message)
    }
}

/// The most instructions a pattern may compile to (counted repetition is expanded).
const MAX_PROGRAM: usize = 20_000;
/// The largest count allowed in `{n,m}`.
const MAX_COUNT: u32 = 1_000;

#[derive(Clone, Debug)]
enum Inst {
    /// Consume one character in the set.
    Char(Set),
    /// Continue at both targets.
    Split(usize, usize),
    Jump(usize),
    /// Only at the start of the text.
    Start,
    /// Only at the end of the text.
    End,
    Match,
}

/// A set of characters: a list of ranges and named classes, possibly negated.
#[derive(Clone, Debug, PartialEq)]
struct Set {
    negated: bool,
    items: Vec<Item>,
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Item {
    Range(char, char),
    /// `\d`, `\w`, `\s` (or their negations `\D`, `\W`, `\S` when the flag is set).
    Named(Named, bool),
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Named {
    Digit,
    Word,
    Space,
}

impl Named {
    fn contains(self, c: char) -> bool {
        match self {
            Named::Digit => c.is_ascii_digit(),
            Named::Word => c.is_ascii_alphanumeric() || c == '_',
            // ECMA-262 WhiteSpace and LineTerminator.
            Named::Space => c.is_whitespace() || c == '\u{feff}',
        }
    }
}

impl Set {
    fn one(c: char) -> Set {
        Set {
            negated: false,
            items: vec![Item::Range(c, c)],
        }
    }

    fn named(named: Named, negated: bool) -> Set {
        Set {
            negated: false,
            items: vec![Item::Named(named, negated)],
        }
    }

    /// `.`: anything but a line terminator.
    fn dot() -> Set {
        Set {
            negated: true,
            items: ['\n', '\r', '\u{2028}', '\u{2029}']
                .into_iter()
                .map(|c| Item::Range(c, c))
                .collect(),
        }
    }

    fn contains(&self, c: char) -> bool {
        let hit = self.items.iter().any(|item| match *item {
            Item::Range(lo, hi) => lo <= c && c <= hi,
            Item::Named(named, negated) => named.contains(c) != negated,
        });
        hit != self.negated
    }
}

/// The syntax tree of a pattern.
#[derive(Clone, Debug)]
enum Node {
    Empty,
    Char(Set),
    Start,
    End,
    Concat(Vec<Node>),
    Alternation(Vec<Node>),
    Repeat {
        node: Box<Node>,
        min: u32,
        max: Option<u32>,
    },
}

impl Regex {
    /// Compiles an ECMA-262 pattern (the subset described in the module docs).
    pub(crate) fn new(pattern: &str) -> Result<Regex, RegexError> {
        let mut parser = Parser {
            chars: pattern.chars().collect(),
            at: 0,
        };
        let node = parser.alternation()?;
        if parser.at < parser.chars.len() {
            // Only an unmatched `)` stops the top-level alternation early.
            return Err(parser.error("unmatched `)`"));
        }
        let mut program = Vec::new();
        emit(&node, &mut program)?;
        program.push(Inst::Match);
        Ok(Regex { program })
    }

    /// Whether the pattern matches somewhere in `text`.
    pub(crate) fn is_match(&self, text: &str) -> bool {
        let chars: Vec<char> = text.chars().collect();
        let len = chars.len();
        // `added[pc] == step + 1` when `pc` is already in the list for position `step`.
        let mut added = vec![0usize; self.program.len()];
        let mut current: Vec<usize> = Vec::new();
        let mut next: Vec<usize> = Vec::new();
        for step in 0..=len {
            // A new attempt may start at every position (the search is not anchored).
            self.add(&mut current, &mut added, 0, step, len);
            let here = chars.get(step).copied();
            for &pc in &current {
                match &self.program[pc] {
                    Inst::Match => return true,
                    Inst::Char(set) if here.is_some_and(|c| set.contains(c)) => {
                        self.add(&mut next, &mut added, pc + 1, step + 1, len);
                    }
                    _ => {}
                }
            }
            std::mem::swap(&mut current, &mut next);
            next.clear();
        }
        false
    }

    /// Adds the thread at `pc` for position `at`, following jumps, splits and anchors.
    fn add(&self, list: &mut Vec<usize>, added: &mut [usize], pc: usize, at: usize, len: usize) {
        let mut stack = vec![pc];
        while let Some(pc) = stack.pop() {
            if added[pc] == at + 1 {
                continue;
            }
            added[pc] = at + 1;
            match self.program[pc] {
                Inst::Jump(to) => stack.push(to),
                Inst::Split(a, b) => {
                    stack.push(b);
                    stack.push(a);
                }
                Inst::Start => {
                    if at == 0 {
                        stack.push(pc + 1);
                    }
                }
                Inst::End => {
                    if at == len {
                        stack.push(pc + 1);
                    }
                }
                Inst::Char(_) | Inst::Match => list.push(pc),
            }
        }
    }
}

/// Appends the instructions for `node`.
fn emit(node: &Node, program: &mut Vec<Inst>) -> Result<(), RegexError> {
    if program.len() > MAX_PROGRAM {
        return Err(RegexError {
            at: 0,
            message: format!("the pattern is too large (over {MAX_PROGRAM} steps)"),
        });
    }
    match node {
        Node::Empty => {}
        Node::Char(set) => program.push(Inst::Char(set.clone())),
        Node::Start => program.push(Inst::Start),
        Node::End => program.push(Inst::End),
        Node::Concat(nodes) => {
            for n in nodes {
                emit(n, program)?;
            }
        }
        Node::Alternation(branches) => {
            // split L1, next; L1: branch; jump end; next: split … ; last branch; end:
            let mut jumps = Vec::new();
            for (i, branch) in branches.iter().enumerate() {
                if i + 1 < branches.len() {
                    let split = program.len();
                    program.push(Inst::Split(split + 1, 0));
                    emit(branch, program)?;
                    jumps.push(program.len());
                    program.push(Inst::Jump(0));
                    let after = program.len();
                    program[split] = Inst::Split(split + 1, after);
                } else {
                    emit(branch, program)?;
                }
            }
            let end = program.len();
            for j in jumps {
                program[j] = Inst::Jump(end);
            }
        }
        Node::Repeat { node, min, max } => {
            for _ in 0..*min {
                emit(node, program)?;
            }
            match max {
                None => {
                    // loop: split body, out; body; jump loop; out:
                    let split = program.len();
                    program.push(Inst::Split(split + 1, 0));
                    emit(node, program)?;
                    program.push(Inst::Jump(split));
                    let out = program.len();
                    program[split] = Inst::Split(split + 1, out);
                }
                Some(max) => {
                    // Each optional copy may be skipped to the very end.
                    let mut splits = Vec::new();
                    for _ in *min..*max {
                        splits.push(program.len());
                        program.push(Inst::Split(0, 0));
                        emit(node, program)?;
                    }
                    let out = program.len();
                    for s in splits {
                        program[s] = Inst::Split(s + 1, out);
                    }
                }
            }
        }
    }
    Ok(())
}

struct Parser {
    chars: Vec<char>,
    at: usize,
}

impl Parser {
    fn error(&self, message: impl Into<String>) -> RegexError {
        RegexError {
            at: self.at,
            message: message.into(),
        }
    }

    fn peek(&self) -> Option<char> {
        self.chars.get(self.at).copied()
    }

    fn next(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.at += 1;
        Some(c)
    }

    fn alternation(&mut self) -> Result<Node, RegexError> {
        let mut branches = vec![self.concat()?];
        while self.peek() == Some('|') {
            self.at += 1;
            branches.push(self.concat()?);
        }
        Ok(if branches.len() == 1 {
            branches.remove(0)
        } else {
            Node::Alternation(branches)
        })
    }

    fn concat(&mut self) -> Result<Node, RegexError> {
        let mut items = Vec::new();
        while let Some(c) = self.peek() {
            if c == '|' || c == ')' {
                break;
            }
            let atom = self.atom()?;
            let quantified = self.quantifier(atom)?;
            items.push(quantified);
        }
        Ok(match items.len() {
            0 => Node::Empty,
            1 => items.remove(0),
            _ => Node::Concat(items),
        })
    }

    fn atom(&mut self) -> Result<Node, RegexError> {
        let start = self.at;
        let Some(c) = self.next() else {
            return Err(self.error("unexpected end of the pattern"));
        };
        Ok(match c {
            '^' => Node::Start,
            '$' => Node::End,
            '.' => Node::Char(Set::dot()),
            '[' => Node::Char(self.class()?),
            '\\' => Node::Char(self.escape(false)?),
            '(' => {
                if self.peek() == Some('?') {
                    if self.chars.get(self.at + 1) == Some(&':') {
                        self.at += 2;
                    } else {
                        self.at = start;
                        return Err(self.error(
                            "only plain `( … )` and `(?: … )` groups are supported (no look-around or named groups)",
                        ));
                    }
                }
                let inner = self.alternation()?;
                if self.next() != Some(')') {
                    self.at = start;
                    return Err(self.error("unclosed `(`"));
                }
                inner
            }
            '*' | '+' | '?' => {
                self.at = start;
                return Err(self.error(format!("`{c}` has nothing to repeat")));
            }
            '{' if self.counted_at(start).is_some() => {
                self.at = start;
                return Err(self.error("`{` has nothing to repeat"));
            }
            // A `{` that is not a quantifier, `}` and `]` are literals (ECMA-262 Annex B).
            other => Node::Char(Set::one(other)),
        })
    }

    /// Reads `{n}`, `{n,}` or `{n,m}` starting at `at` (the `{`), returning (min, max, end).
    fn counted_at(&self, at: usize) -> Option<(u32, Option<u32>, usize)> {
        let mut i = at + 1;
        let number = |i: &mut usize| -> Option<u32> {
            let start = *i;
            while self.chars.get(*i).is_some_and(char::is_ascii_digit) {
                *i += 1;
            }
            if *i == start {
                return None;
            }
            let digits: String = self.chars[start..*i].iter().collect();
            // Saturate: an absurd count is refused later as too large.
            Some(digits.parse().unwrap_or(u32::MAX))
        };
        if self.chars.get(at) != Some(&'{') {
            return None;
        }
        let min = number(&mut i)?;
        let max = if self.chars.get(i) == Some(&',') {
            i += 1;
            if self.chars.get(i) == Some(&'}') {
                None
            } else {
                Some(number(&mut i)?)
            }
        } else {
            Some(min)
        };
        (self.chars.get(i) == Some(&'}')).then_some((min, max, i + 1))
    }

    fn quantifier(&mut self, atom: Node) -> Result<Node, RegexError> {
        let start = self.at;
        let (min, max) = match self.peek() {
            Some('*') => (0, None),
            Some('+') => (1, None),
            Some('?') => (0, Some(1)),
            Some('{') => match self.counted_at(self.at) {
                Some((min, max, end)) => {
                    if max.is_some_and(|max| max < min) {
                        return Err(self.error("in `{n,m}`, m is smaller than n"));
                    }
                    if min > MAX_COUNT || max.is_some_and(|max| max > MAX_COUNT) {
                        return Err(
                            self.error(format!("counts above {MAX_COUNT} are not supported"))
                        );
                    }
                    self.at = end - 1;
                    (min, max)
                }
                None => return Ok(atom),
            },
            _ => return Ok(atom),
        };
        self.at += 1;
        if matches!(atom, Node::Start | Node::End) {
            self.at = start;
            return Err(self.error("an anchor cannot be repeated"));
        }
        // Lazy quantifiers match the same texts for a yes/no question.
        if self.peek() == Some('?') {
            self.at += 1;
        }
        if matches!(self.peek(), Some('*' | '+' | '?')) {
            return Err(self.error("a quantifier cannot follow another quantifier"));
        }
        Ok(Node::Repeat {
            node: Box::new(atom),
            min,
            max,
        })
    }

    /// A class after its `[`.
    fn class(&mut self) -> Result<Set, RegexError> {
        let start = self.at - 1;
        let negated = self.peek() == Some('^');
        if negated {
            self.at += 1;
        }
        let mut items = Vec::new();
        loop {
            let Some(c) = self.next() else {
                self.at = start;
                return Err(self.error("unclosed `[`"));
            };
            if c == ']' {
                break;
            }
            let low = self.class_atom(c)?;
            // A range `a-z`, unless the `-` is last (`[a-]`).
            if self.peek() == Some('-') && self.chars.get(self.at + 1).is_some_and(|&n| n != ']') {
                self.at += 1;
                let Some(h) = self.next() else {
                    return Err(self.error("unclosed `[`"));
                };
                let high = self.class_atom(h)?;
                match (low, high) {
                    (Item::Range(lo, _), Item::Range(hi, _)) if lo <= hi => {
                        items.push(Item::Range(lo, hi));
                    }
                    (Item::Range(..), Item::Range(..)) => {
                        return Err(self.error("a range in `[ … ]` is out of order"));
                    }
                    _ => return Err(self.error("`\\d`, `\\w` or `\\s` cannot end a range")),
                }
            } else {
                items.push(low);
            }
        }
        Ok(Set { negated, items })
    }

    /// One member of a class, `c` already read.
    fn class_atom(&mut self, c: char) -> Result<Item, RegexError> {
        if c != '\\' {
            return Ok(Item::Range(c, c));
        }
        let set = self.escape(true)?;
        Ok(set
            .items
            .first()
            .copied()
            .unwrap_or(Item::Range('\0', '\0')))
    }

    /// An escape after its `\`; in a class, `\b` is a backspace.
    fn escape(&mut self, in_class: bool) -> Result<Set, RegexError> {
        let start = self.at - 1;
        let Some(c) = self.next() else {
            return Err(self.error("`\\` at the end of the pattern"));
        };
        let literal = match c {
            'd' => return Ok(Set::named(Named::Digit, false)),
            'D' => return Ok(Set::named(Named::Digit, true)),
            'w' => return Ok(Set::named(Named::Word, false)),
            'W' => return Ok(Set::named(Named::Word, true)),
            's' => return Ok(Set::named(Named::Space, false)),
            'S' => return Ok(Set::named(Named::Space, true)),
            't' => '\t',
            'n' => '\n',
            'r' => '\r',
            'f' => '\u{c}',
            'v' => '\u{b}',
            'b' if in_class => '\u{8}',
            '0' if !self.peek().is_some_and(|d| d.is_ascii_digit()) => '\0',
            'x' => self.hex(2, start)?,
            'u' => self.hex(4, start)?,
            c if c.is_ascii_alphanumeric() => {
                self.at = start;
                return Err(self.error(format!(
                    "`\\{c}` is not supported (no back-references, word boundaries or control escapes)"
                )));
            }
            // Escaped punctuation (and any other non-alphanumeric character) stands for itself.
            c => c,
        };
        Ok(Set::one(literal))
    }

    fn hex(&mut self, digits: usize, start: usize) -> Result<char, RegexError> {
        let end = self.at + digits;
        let text: String = self.chars.get(self.at..end).unwrap_or(&[]).iter().collect();
        let value = (text.len() == digits)
            .then(|| u32::from_str_radix(&text, 16).ok())
            .flatten()
            .and_then(char::from_u32);
        match value {
            Some(c) => {
                self.at = end;
                Ok(c)
            }
            None => {
                self.at = start;
                Err(self.error(format!("bad escape: expected {digits} hexadecimal digits")))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn re(pattern: &str) -> Regex {
        match Regex::new(pattern) {
            Ok(r) => r,
            Err(e) => panic!("{pattern}: {e}"),
        }
    }

    const ISO8601: &str =
        "^([1-2][0-9]{3}-[0-1][0-9]-[0-3][0-9]|[1-2][0-9]{3}-[0-1][0-9]|[1-2][0-9]{3})$";

    #[test]
    fn the_schema_date_pattern() {
        let r = re(ISO8601);
        for ok in [
            "2019",
            "2019-05",
            "2019-05-14",
            "1000",
            "2999-19-39",
            "2019-13",
        ] {
            assert!(r.is_match(ok), "{ok}");
        }
        for bad in [
            "",
            "19",
            "3019",
            "0999",
            "2019-5",
            "2019-05-1",
            "2019-05-141",
            "2019/05",
            "2019-05 ",
            " 2019",
            "2019-20",
            "2019-05-40",
            "May 2019",
            "2013-12-021",
            "2019-05-14T10:00",
            "２０１９",
            "20190",
        ] {
            assert!(!r.is_match(bad), "{bad:?}");
        }
    }

    #[test]
    fn search_is_unanchored_without_anchors() {
        assert!(re("b+").is_match("aaabbb"));
        assert!(!re("^b+").is_match("aaabbb"));
        assert!(re("b+$").is_match("aaabbb"));
        assert!(re("").is_match("anything"));
        assert!(re("^$").is_match(""));
        assert!(!re("^$").is_match("x"));
    }

    #[test]
    fn classes_escapes_and_quantifiers() {
        assert!(re(r"^\d{2,3}$").is_match("123"));
        assert!(!re(r"^\d{2,3}$").is_match("1234"));
        assert!(re(r"^\d{2,}$").is_match("12345"));
        assert!(re(r"^[^a-c]\w*\s?\.$").is_match("d_9 ."));
        assert!(!re(r"^[^a-c]").is_match("b"));
        assert!(re(r"^[a\-z]+$").is_match("a-z"));
        assert!(!re(r"^[a\-z]+$").is_match("b"));
        assert!(re(r"^[a-]$").is_match("-"));
        assert!(re(r"^\u00e9\x41$").is_match("éA"));
        assert!(re(r"^(?:ab|cd)+?$").is_match("abcdab"));
        assert!(re(r"^a{2}$").is_match("aa"));
        assert!(!re(r"^a{2}$").is_match("aaa"));
        assert!(!re(r"^a{2}$").is_match("a"));
        assert!(
            re(r"^x{,2}$").is_match("x{,2}"),
            "`{{` that is no quantifier is a literal"
        );
        assert!(re(r"^\D\W\S$").is_match("a!x"));
        assert!(re(r"^.$").is_match("é"));
        assert!(!re(r"^.$").is_match("\n"));
        assert!(re(r"^(a*)*$").is_match(&"a".repeat(10_000)));
        assert!(!re(r"^(a*)*b$").is_match(&"a".repeat(10_000)));
    }

    #[test]
    fn unsupported_or_broken_syntax_is_refused() {
        for bad in [
            r"(a", r"a)", r"[a", r"*a", r"a**", r"(?=a)", r"(?<n>a)", r"\1", r"\b", r"a{3,2}",
            r"[z-a]", r"\u12", r"a{5000}", r"^*", r"\",
        ] {
            assert!(Regex::new(bad).is_err(), "{bad} should be refused");
        }
    }
}
