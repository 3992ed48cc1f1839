//! The report as text for people and as JSON records for tools.

use std::fmt::Write;

use crate::diagnostic::escape;

use super::{Report, Severity};

impl Report {
    /// A readable report: score, per-category points, job fit, then findings grouped by
    /// severity (errors first), each with its path and suggestion.
    pub fn to_text(&self) -> String {
        let mut s = String::new();
        let _ = writeln!(s, "Score: {}/100", self.score.total);
        let parts: Vec<String> = self
            .score
            .categories
            .iter()
            .map(|c| format!("{} {}/10", c.category.title(), c.points))
            .collect();
        let _ = writeln!(s, "  {}", parts.join(" · "));
        let st = &self.stats;
        let _ = writeln!(
            s,
            "  {} page{} with layout {}; {} of {} bullets carry a figure ({:.0}%)",
            st.pages,
            if st.pages == 1 { "" } else { "s" },
            st.layout,
            st.quantified,
            st.bullets,
            st.quantified_percent()
        );
        if let Some(job) = &self.job {
            let _ = writeln!(
                s,
                "Job fit: {}% ({} of {} key terms)",
                job.coverage, job.found, job.total
            );
            // Each term with the line of the ad it comes from, so that it can be looked up.
            let listed = |terms: Vec<&super::Term>| -> String {
                terms
                    .iter()
                    .map(|t| format!("{} (line {})", escape(&t.term), t.line))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            let covered: Vec<_> = job.covered().collect();
            let missing: Vec<_> = job.missing().collect();
            if !covered.is_empty() {
                let _ = writeln!(s, "  found:   {}", listed(covered));
            }
            if !missing.is_empty() {
                let _ = writeln!(s, "  missing: {}", listed(missing));
            }
        }
        for (severity, title, mark) in [
            (Severity::Error, "Errors", "✗"),
            (Severity::Warning, "Warnings", "!"),
            (Severity::Info, "Info", "·"),
        ] {
            let group: Vec<_> = self
                .findings
                .iter()
                .filter(|f| f.severity == severity)
                .collect();
            if group.is_empty() {
                continue;
            }
            let _ = writeln!(s, "\n{title} ({})", group.len());
            for f in group {
                // Paths and messages quote the resume: no control character reaches the terminal.
                let _ = writeln!(s, "  {mark} [{}] {}", f.category, f.to_short_text());
                let _ = writeln!(s, "      → {}", escape(f.suggestion()));
            }
        }
        if self.findings.is_empty() {
            let _ = writeln!(s, "\nNo findings.");
        }
        s
    }

    /// The report as pretty-printed JSON: `score`, `stats`, `job` (or null) and `findings`, each
    /// finding a record with `severity`, `category`, `rule`, `path`, `message`, `suggestion`.
    ///
    /// # Errors
    ///
    /// Only if serialization fails, which the report's plain types do not cause.
    pub fn to_json(&self) -> serde_json::Result<String> {
        serde_json::to_string_pretty(self)
    }
}
