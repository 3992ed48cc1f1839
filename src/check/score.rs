//! The overall score.
//!
//! Each category scores 0–10 points:
//!
//! - **achievements**: `10 × min(1, share of bullets with a figure ÷ 50%)`; 0 without bullets;
//! - **job fit** (only with a job ad): `coverage % ÷ 10`;
//! - **every other category**: `10 − 5 × errors − 2 × warnings`, at least 0 (infos cost nothing).
//!
//! The score is `100 × (sum of points) ÷ (10 × number of categories)`, rounded: nine categories
//! without a job ad, ten with one.

use serde::Serialize;

use super::bullets::QUANTIFIED_TARGET;
use super::{Category, Finding, JobFit, Severity, Stats};

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
                Some(fit) => fit.coverage / 10.0,
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
    let sum: f64 = categories.iter().map(|c| c.points).sum();
    let total = (100.0 * sum / (10.0 * categories.len() as f64)).round();
    Score {
        total: total.clamp(0.0, 100.0) as u32,
        categories,
    }
}
