//! resumepdf: turn a JSON Resume into a polished, ATS-readable PDF.
//!
//! The pipeline runs in one direction:
//! [`model`] (parse and normalize) → [`layout`] (validated layout definition) → [`compose`] (document
//! tree) → [`typeset`] (pages of positioned items) → [`pdf`] (bytes).

pub mod fonts;
pub mod typeset;
