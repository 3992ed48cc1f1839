//! The two report formats of `validate`: lines for people and a JSON array for tools.

use crate::diagnostic::{Diagnostic, JsonFields, Severity};

use super::passes;

/// The text report: every problem as `file:line:col: severity: $.path: message` (see
/// [`Diagnostic::to_text`]), then one verdict line per file: `file: valid`, `file: valid, 2
/// warnings`, `file: fails --strict: 2 warnings` or `file: invalid: 1 error, 2 warnings`.
pub fn text_report(files: &[(String, Vec<Diagnostic>)], strict: bool) -> String {
    let mut out = String::new();
    for (file, problems) in files {
        for problem in problems {
            out.push_str(&problem.to_text(Some(file)));
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
        out.push_str(&format!("{}: {verdict}\n", crate::diagnostic::escape(file)));
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

/// The JSON report: one JSON array for the whole run, with one record per problem (see
/// [`Diagnostic::to_json`]), written one record per line:
///
/// ```text
/// [
/// {"file":"cv.json","line":2,"column":42,"path":"$.work[0].startDate","severity":"error","check":"render","message":"…"},
/// {"file":"cv.json","line":null,"column":null,"path":null,"severity":"error","check":"json","message":"…"}
/// ]
/// ```
///
/// `severity` is `error` or `warning`; `check` (the rule) is `json`, `schema` or `render`. A run
/// without problems gives `[]`.
pub fn json_report(files: &[(String, Vec<Diagnostic>)]) -> String {
    let records: Vec<String> = files
        .iter()
        .flat_map(|(file, problems)| problems.iter().map(move |p| (file, p)))
        .map(|(file, p)| {
            let fields = JsonFields {
                file: Some(file),
                rule: "check",
                ..JsonFields::default()
            };
            // Only strings and numbers: serialization cannot fail; keep a record anyway.
            serde_json::to_string(&p.to_json(fields)).unwrap_or_else(|e| {
                format!(
                    "{{\"file\":{},\"severity\":\"{}\",\"message\":{}}}",
                    serde_json::Value::from(file.as_str()),
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

    fn problem(severity: Severity, line: usize) -> Diagnostic {
        if line > 0 {
            Diagnostic::new(severity, "schema", "$.x", "m").at(line, 3)
        } else {
            Diagnostic::new(severity, "schema", "", "m")
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
             w.json:1:3: warning: $.x: m\nw.json: valid, 1 warning\n\
             e.json:1:3: error: $.x: m\ne.json: error: m\ne.json: invalid: 2 errors\n"
        );
        assert!(text_report(&files, true).contains("w.json: fails --strict: 1 warning\n"));
    }

    #[test]
    fn json_records_use_null_for_unknowns() {
        let files = vec![(
            "a.json".to_string(),
            vec![problem(Severity::Error, 0), problem(Severity::Warning, 2)],
        )];
        let report = json_report(&files);
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
