//! The language of a resume that does not name one (`meta.language`), guessed from its script.
//!
//! Only scripts that point to one language are read: Chinese (simplified or traditional),
//! Japanese, Korean, Russian, Arabic, Persian and Hebrew. Latin-script text (English, German,
//! Spanish …) is not guessed: its language needs more than letters to tell, and a wrong guess would
//! put foreign headings on a resume.

use serde_json::Value;

/// Share of all letters (in percent) the leading non-Latin script needs for a guess: enough that
/// a name or a phrase in another script does not change the headings of an English resume, while
/// a Chinese resume full of English product names still counts as Chinese.
const MIN_SHARE: usize = 30;

/// Letters counted by script.
#[derive(Default)]
struct Counts {
    latin: usize,
    han: usize,
    kana: usize,
    hangul: usize,
    cyrillic: usize,
    arabic: usize,
    hebrew: usize,
    /// Letters only Ukrainian, Belarusian, Serbian or Macedonian Cyrillic uses.
    other_cyrillic: usize,
    /// Persian letters (پ چ ژ گ and Persian kaf and yeh), and Arabic-only ones (ة ي ك).
    persian: usize,
    arabic_only: usize,
    /// Urdu letters: another language in Arabic script.
    urdu: usize,
    /// Characters written differently in simplified and traditional Chinese.
    simplified: usize,
    traditional: usize,
}

/// Frequent characters of résumé Chinese that simplified and traditional script write differently
/// (simplified first, traditional second, pair by pair).
const SIMPLIFIED: &str = "这为们个学经验发开务与门国时会间关业实现动员东电华项术计设产负责";
const TRADITIONAL: &str = "這為們個學經驗發開務與門國時會間關業實現動員東電華項術計設產負責";

impl Counts {
    fn add(&mut self, c: char) {
        match c {
            'a'..='z' | 'A'..='Z' | '\u{00C0}'..='\u{024F}' => self.latin += 1,
            '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' => {
                self.han += 1;
                self.simplified += usize::from(SIMPLIFIED.contains(c));
                self.traditional += usize::from(TRADITIONAL.contains(c));
            }
            '\u{3040}'..='\u{30FF}' => self.kana += 1,
            '\u{AC00}'..='\u{D7AF}' | '\u{1100}'..='\u{11FF}' => self.hangul += 1,
            '\u{0400}'..='\u{04FF}' => {
                self.cyrillic += 1;
                self.other_cyrillic += usize::from("іїєґўјљњћђџѕѓќІЇЄҐЎЈЉЊЋЂЏЅЃЌ".contains(c));
            }
            '\u{0600}'..='\u{06FF}' | '\u{0750}'..='\u{077F}' if c.is_alphabetic() => {
                self.arabic += 1;
                self.persian += usize::from("پچژگکی".contains(c));
                self.arabic_only += usize::from("ةيك".contains(c));
                self.urdu += usize::from("ٹڈڑںےھ".contains(c));
            }
            '\u{05D0}'..='\u{05EA}' => self.hebrew += 1,
            _ => {}
        }
    }

    fn guess(&self) -> Option<&'static str> {
        let cjk = self.han + self.kana + self.hangul;
        let scripts = [cjk, self.cyrillic, self.arabic, self.hebrew];
        let total = self.latin + scripts.iter().sum::<usize>();
        let (leading, count) = scripts
            .iter()
            .copied()
            .enumerate()
            .max_by_key(|&(_, n)| n)?;
        if count == 0 || count * 100 < total * MIN_SHARE {
            return None;
        }
        match leading {
            0 if self.hangul * 2 > cjk => Some("ko"),
            0 if self.kana * 10 >= cjk => Some("ja"),
            0 if self.traditional > self.simplified => Some("zh-Hant"),
            0 => Some("zh"),
            1 if self.other_cyrillic == 0 => Some("ru"),
            2 if self.urdu == 0 && self.persian > self.arabic_only => Some("fa"),
            2 if self.urdu == 0 => Some("ar"),
            3 => Some("he"),
            _ => None,
        }
    }
}

/// The language of the string values of `resume` (keys are English anyway), as a BCP 47 tag, when
/// its script tells it (see the module documentation).
pub fn guess(resume: &Value) -> Option<&'static str> {
    fn walk(value: &Value, counts: &mut Counts) {
        match value {
            // Most strings are ASCII: their letters are counted without decoding characters.
            Value::String(s) if s.is_ascii() => {
                counts.latin += s.bytes().filter(u8::is_ascii_alphabetic).count();
            }
            Value::String(s) => s.chars().for_each(|c| counts.add(c)),
            Value::Array(items) => items.iter().for_each(|v| walk(v, counts)),
            Value::Object(map) => map.values().for_each(|v| walk(v, counts)),
            _ => {}
        }
    }
    let mut counts = Counts::default();
    walk(resume, &mut counts);
    counts.guess()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn of(text: &str) -> Option<&'static str> {
        guess(&Value::String(text.to_string()))
    }

    #[test]
    fn scripts_that_tell_their_language_are_guessed() {
        assert_eq!(
            of("拥有7年以上React和小程序生态系统经验的高级前端工程师"),
            Some("zh")
        );
        assert_eq!(
            of("擁有7年以上React開發經驗的高級前端工程師"),
            Some("zh-Hant")
        );
        assert_eq!(
            of("東京のソフトウェア会社でエンジニアとして働いています"),
            Some("ja")
        );
        assert_eq!(of("서울에서 소프트웨어 엔지니어로 일했습니다"), Some("ko"));
        assert_eq!(
            of("Студент направления «Информатика и вычислительная техника»"),
            Some("ru")
        );
        assert_eq!(
            of("мова програмування та інженерія"),
            None,
            "Ukrainian has no table"
        );
        assert_eq!(of("مهندسة برمجيات بخبرة 8 سنوات"), Some("ar"));
        assert_eq!(
            of("می‌خواهم تجربه‌ام در برنامه‌نویسی را به کار بگیرم"),
            Some("fa")
        );
        assert_eq!(of("מהנדסת תוכנה עם 8 שנות ניסיון"), Some("he"));
    }

    #[test]
    fn latin_text_and_a_few_foreign_letters_are_not_guessed() {
        assert_eq!(of("Senior engineer who led a team of six"), None);
        assert_eq!(
            of("Verhandelte Rahmenverträge mit über 30 Zulieferern"),
            None
        );
        assert_eq!(
            of("Abraham Yang 杨彬 — frontend engineer, React, TypeScript, Node.js"),
            None
        );
        assert_eq!(of("2020-2024 · +49 30 1234567"), None);
    }
}
