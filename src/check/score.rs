//! The overall score.
//!
//! Each category scores 0–10 points:
//!
//! - **achievements**: `10 × min(1, share of bullets with a figure ÷ 50%)`; 0 without bullets;
//! - **job fit** (only with a job ad): `10 × min(1, coverage ÷ 60%)`;
//! - **every other category**: `10 − 5 × errors − 2 × warnings`, at least 0 (infos cost nothing).
//!
//! Without a job ad the score is the content score: `100 × (sum of points) ÷ 90` over the nine
//! content categories. With one, the fit to the job weighs as much as all the content together:
//! the score is the mean of the content score and `10 × job-fit points`. A polished resume sent
//! to an unrelated job (coverage near 5%) so scores about 55, never 80 or more: tailoring matters
//! as much as polish.

use serde::Serialize;

use super::bullets::QUANTIFIED_TARGET;
use super::{Category, Finding, JobFit, Severity, Stats};

/// Coverage of the job ad's key terms (percent) that earns full job-fit points: a resume using
/// 60% of an ad's terms is a close match; full coverage is neither expected nor wise.
pub(crate) const FULL_FIT_COVERAGE: f64 = 60.0;

/// Points an error costs in its category.
pub(crate) const ERROR_COST: f64 = 5.0;
/// Points a warning costs in its category.
pub(crate) const WARNING_COST: f64 = 2.0;

/// Points of one category.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CategoryScore {
    /// The category.
    pub category: Category,
    /// Points out of 10 (one decimal).
    pub points: f64,
    /// Error findings in it.
    pub errors: usize,
    /// Warning findings in it.
    pub warnings: usize,
}

/// The overall score and its parts.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Score {
    /// 0–100.
    pub total: u32,
    /// Points per category, in [`Category::ALL`] order (job fit only with a job ad).
    pub categories: Vec<CategoryScore>,
}

pub(super) fn score(findings: &[Finding], stats: &Stats, job: Option<&JobFit>) -> Score {
    let mut categories = Vec::new();
    for category in Category::ALL {
        let count = |severity| {
            findings
                .iter()
                .filter(|f| f.category == category && f.severity == severity)
                .count()
        };
        let (errors, warnings) = (count(Severity::Error), count(Severity::Warning));
        let points = match category {
            Category::JobFit => match job {
                Some(fit) => 10.0 * (fit.coverage / FULL_FIT_COVERAGE).min(1.0),
                None => continue,
            },
            Category::Achievements if stats.bullets == 0 => 0.0,
            Category::Achievements => {
                let share = stats.quantified as f64 / stats.bullets as f64;
                10.0 * (share / QUANTIFIED_TARGET).min(1.0)
            }
            _ => (10.0 - ERROR_COST * errors as f64 - WARNING_COST * warnings as f64).max(0.0),
        };
        categories.push(CategoryScore {
            category,
            points: (points * 10.0).round() / 10.0,
            errors,
            warnings,
        });
    }
    let (content, fit): (Vec<&CategoryScore>, Vec<&CategoryScore>) = categories
        .iter()
        .partition(|c| c.category != Category::JobFit);
    let sum: f64 = content.iter().map(|c| c.points).sum();
    let content_score = 100.0 * sum / (10.0 * content.len() as f64);
    let total = match fit.first() {
        Some(fit) => (content_score + 10.0 * fit.points) / 2.0,
        None => content_score,
    }
    .round();
    Score {
        total: total.clamp(0.0, 100.0) as u32,
        categories,
    }
}
