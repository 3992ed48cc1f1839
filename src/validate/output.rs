//! The two report formats of `validate`: lines for people and a JSON array for tools.

use serde::Serialize;

use super::{Problem, Severity, passes};

/// The text report: every problem as `file:line:col: severity: $.path: message`, then one verdict
/// line per file: `file: valid`, `file: valid, 2 warnings`, `file: fails --strict: 2 warnings` or
/// `file: invalid: 1 error, 2 warnings`.
pub fn text_report(files: &[(String, Vec<Problem>)], strict: bool) -> String {
    let mut out = String::new();
    for (file, problems) in files {
        for problem in problems {
            out.push_str(&problem.to_string());
            out.push('\n');
        }
        let errors = problems.iter().filter(|p| p.is_error()).count();
        let warnings = problems.len() - errors;
        let verdict = if errors > 0 {
            format!("invalid: {}", counts(errors, warnings))
        } else if warnings == 0 {
            "valid".to_string()
        } else if passes(problems, strict) {
            format!("valid, {}", counts(0, warnings))
        } else {
            format!("fails --strict: {}", counts(0, warnings))
        };
        out.push_str(&format!("{file}: {verdict}\n"));
    }
    out
}

/// "1 error, 2 warnings", leaving out a count of zero (but never both).
fn counts(errors: usize, warnings: usize) -> String {
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    match (errors, warnings) {
        (0, w) => plural(w, "warning"),
        (e, 0) => plural(e, "error"),
        (e, w) => format!("{}, {}", plural(e, "error"), plural(w, "warning")),
    }
}

/// One problem as a JSON record.
#[derive(Serialize)]
struct Record<'a> {
    file: &'a str,
    /// `null` when unknown.
    line: Option<usize>,
    /// `null` when unknown.
    column: Option<usize>,
    /// `null` when the problem is not about one value.
    path: Option<&'a str>,
    severity: &'static str,
    check: &'static str,
    message: &'a str,
}

/// The JSON report: one JSON array for the whole run, with one record per problem, written one
/// record per line:
///
/// ```text
/// [
/// {"file":"cv.json","line":2,"column":42,"path":"$.work[0].startDate","severity":"error","check":"render","message":"…"},
/// {"file":"cv.json","line":null,"column":null,"path":null,"severity":"error","check":"json","message":"…"}
/// ]
/// ```
///
/// `severity` is `error` or `warning`; `check` is `json`, `schema` or `render`. A run without
/// problems gives `[]`.
pub fn json_report(problems: &[Problem]) -> String {
    let records: Vec<String> = problems
        .iter()
        .map(|p| {
            let record = Record {
                file: &p.file,
                line: (p.line > 0).then_some(p.line),
                column: (p.line > 0).then_some(p.column),
                path: (!p.path.is_empty()).then_some(p.path.as_str()),
                severity: p.severity.as_str(),
                check: p.check.as_str(),
                message: &p.message,
            };
            // Only strings and numbers: serialization cannot fail; keep a record anyway.
            serde_json::to_string(&record).unwrap_or_else(|e| {
                format!(
                    "{{\"file\":{},\"severity\":\"{}\",\"message\":{}}}",
                    serde_json::Value::from(p.file.as_str()),
                    Severity::Error,
                    serde_json::Value::from(format!("cannot write this problem: {e}"))
                )
            })
        })
        .collect();
    if records.is_empty() {
        "[]\n".to_string()
    } else {
        format!("[\n{}\n]\n", records.join(",\n"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::Check;

    fn problem(severity: Severity, line: usize) -> Problem {
        Problem {
            file: "a.json".to_string(),
            line,
            column: if line > 0 { 3 } else { 0 },
            path: if line > 0 {
                "$.x".to_string()
            } else {
                String::new()
            },
            severity,
            check: Check::Schema,
            message: "m".to_string(),
        }
    }

    #[test]
    fn verdicts() {
        let files = vec![
            ("ok.json".to_string(), vec![]),
            ("w.json".to_string(), vec![problem(Severity::Warning, 1)]),
            (
                "e.json".to_string(),
                vec![problem(Severity::Error, 1), problem(Severity::Error, 0)],
            ),
        ];
        assert_eq!(
            text_report(&files, false),
            "ok.json: valid\n\
             a.json:1:3: warning: $.x: m\nw.json: valid, 1 warning\n\
             a.json:1:3: error: $.x: m\na.json: error: m\ne.json: invalid: 2 errors\n"
        );
        assert!(text_report(&files, true).contains("w.json: fails --strict: 1 warning\n"));
    }

    #[test]
    fn json_records_use_null_for_unknowns() {
        let report = json_report(&[problem(Severity::Error, 0), problem(Severity::Warning, 2)]);
        assert_eq!(
            report,
            "[\n\
             {\"file\":\"a.json\",\"line\":null,\"column\":null,\"path\":null,\"severity\":\"error\",\"check\":\"schema\",\"message\":\"m\"},\n\
             {\"file\":\"a.json\",\"line\":2,\"column\":3,\"path\":\"$.x\",\"severity\":\"warning\",\"check\":\"schema\",\"message\":\"m\"}\n\
             ]\n"
        );
        assert_eq!(json_report(&[]), "[]\n");
    }
}
