//! The typographic limits every layout keeps, defined once: layout validation enforces them,
//! `--pages` fitting squeezes a layout no further than they allow, and the layout schema states
//! them (see `docs/typography.md`).

/// Body text size range in points.
pub const BODY_SIZE: (f32, f32) = (10.0, 12.0);
/// Line spacing range.
pub const LINE_SPACING: (f32, f32) = (1.0, 1.2);
/// Smallest margin in points (0.5 in).
pub const MIN_MARGIN: f32 = 36.0;
/// Smallest contrast of text against the page (WCAG AA).
pub const MIN_CONTRAST: f32 = 4.5;
/// Smallest size of small print in points.
pub const MIN_SMALL_SIZE: f32 = 8.0;
/// Largest heading size, as a multiple of the body size: headings stand out, slightly larger.
pub const MAX_HEADING_RATIO: f32 = 1.5;
/// Largest name size in points: a name fills its line, not the page.
pub const MAX_NAME_SIZE: f32 = 36.0;
/// Range of the heading rule's thickness in points: a hairline to a bar that still reads as a rule.
pub const RULE_WIDTH: (f32, f32) = (0.25, 2.0);
/// Range of the gap between a heading and its rule in points.
pub const RULE_GAP: (f32, f32) = (0.0, 8.0);
/// Range of the size of small capitals, as a fraction of the heading size.
pub const SMALL_CAPS_SCALE: (f32, f32) = (0.7, 0.9);
/// Largest corner radius of a rounded photo, as a fraction of its size (0.5 is a circle).
pub const MAX_PHOTO_CORNER: f32 = 0.5;
/// Range of the shortest last line of a paragraph line breaking accepts without trying other
/// breaks, as a fraction of the measure: beyond half, paragraphs reflow for little gain.
pub const LAST_LINE_MIN: (f32, f32) = (0.0, 0.5);
/// Range of a photo's size in points (0.6 in to 2 in): a recognisable face, never a poster.
pub const PHOTO_SIZE: (f32, f32) = (43.2, 144.0);
/// Smallest width of a sidebar's text in points (1.5 in): narrower, every line breaks.
pub const MIN_SIDEBAR_WIDTH: f32 = 108.0;

/// The smallest gap between entries, in body lines and in paragraph gaps: at least half a line
/// plus one and a half of the gaps between an entry's bullets. Readers and applicant tracking
/// parsers see where one job ends by the space around it (OpenResume splits a section where the
/// gap between lines exceeds 1.4 times the usual one); `--pages` squeezing keeps this too.
pub const ENTRY_GAP: (f32, f32) = (0.5, 1.5);

/// The smallest entry gap, in points, for body lines `line_pitch` apart and bullets
/// `paragraph_gap` apart (see [`ENTRY_GAP`]).
pub fn min_entry_gap(line_pitch: f32, paragraph_gap: f32) -> f32 {
    ENTRY_GAP.0 * line_pitch + ENTRY_GAP.1 * paragraph_gap
}

/// The least distance from an entry's header line down to its body, baseline to baseline, in
/// body sizes. Position-based text extractors (pdfminer.six, and the applicant tracking systems
/// built on such tools) read lines as one block when the space between their boxes is under half
/// a line's height; an entry's header, dates flush right, must stay a block of its own, or the
/// dates are read into the middle of a bullet. `--pages` squeezing keeps it too.
pub const HEADER_TO_BODY: f32 = 1.65;

/// The smallest space, in points, between an entry's header line and its body for body text of
/// `body_size` points on lines `line_pitch` apart (see [`HEADER_TO_BODY`]).
pub fn min_header_gap(body_size: f32, line_pitch: f32) -> f32 {
    (HEADER_TO_BODY * body_size - line_pitch).max(0.0)
}
