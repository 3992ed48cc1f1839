//! Typesetting: from a composed document to pages of positioned items, without touching PDF.

pub mod pages;
