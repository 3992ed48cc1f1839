//! Flow lines → pages, breaking only where a page may end.

use super::flow::FlowLine;

/// Splits `lines` into pages; page `n` holds at most `height_of(n)` points.
///
/// A page ends after a line only if that line allows it (`keep_with_next` is false): headings stay
/// with what follows, entry headers with their first line, and no paragraph leaves a single line
/// alone. Among the allowed breaks that fit, each page ends where the break is cheapest: a line's
/// `break_cost` plus the page's unused height counted in lines of [`LINE`] points, so a page ends
/// between entries rather than between bullets, and between bullets rather than inside a
/// paragraph, unless that leaves much of the page empty. When a run of kept-together lines is
/// taller than a page, it is cut where it overflows. Returns the index ranges of each page's lines.
pub fn paginate(
    lines: &[FlowLine],
    height_of: impl Fn(usize) -> f32,
) -> Vec<std::ops::Range<usize>> {
    let mut pages = Vec::new();
    let mut start = 0;
    while start < lines.len() {
        let height = height_of(pages.len());
        let mut used = 0.0;
        let mut best: Option<(f32, usize)> = None;
        let mut end = start;
        while end < lines.len() {
            let line = &lines[end];
            let gap = if end == start { 0.0 } else { line.gap_before };
            if end > start && used + gap + line.height > height + 0.01 {
                break;
            }
            used += gap + line.height;
            end += 1;
            if !lines[end - 1].keep_with_next || end == lines.len() {
                let cost = lines[end - 1].break_cost + (height - used) / LINE;
                if best.is_none_or(|(c, _)| cost <= c) {
                    best = Some((cost, end));
                }
            }
        }
        let stop = if end == lines.len() {
            end
        } else {
            best.map_or(end, |(_, at)| at)
        };
        pages.push(start..stop);
        start = stop;
    }
    if pages.is_empty() {
        pages.push(0..0);
    }
    pages
}

/// The height, in points, that counts as one line of unused space when weighing page breaks.
pub const LINE: f32 = 14.0;

#[cfg(test)]
mod tests {
    use super::*;

    fn line(height: f32, keep_with_next: bool) -> FlowLine {
        FlowLine {
            gap_before: 0.0,
            height,
            items: Vec::new(),
            keep_with_next,
            break_cost: 0.0,
        }
    }

    #[test]
    fn fills_pages_first_fit_when_everything_may_break() {
        let lines: Vec<_> = (0..10).map(|_| line(10.0, false)).collect();
        assert_eq!(paginate(&lines, |_| 35.0), [0..3, 3..6, 6..9, 9..10]);
    }

    #[test]
    fn a_kept_line_moves_with_its_successor() {
        let mut lines: Vec<_> = (0..6).map(|_| line(10.0, false)).collect();
        lines[2].keep_with_next = true;
        assert_eq!(paginate(&lines, |_| 35.0), [0..2, 2..5, 5..6]);
    }

    #[test]
    fn an_overlong_kept_run_is_cut_where_it_overflows() {
        let lines: Vec<_> = (0..5).map(|_| line(10.0, true)).collect();
        assert_eq!(paginate(&lines, |_| 25.0), [0..2, 2..4, 4..5]);
    }

    #[test]
    fn each_page_has_its_own_height() {
        let lines: Vec<_> = (0..6).map(|_| line(10.0, false)).collect();
        assert_eq!(
            paginate(&lines, |p| if p == 0 { 15.0 } else { 40.0 }),
            [0..1, 1..5, 5..6]
        );
    }

    #[test]
    fn pages_end_between_entries_rather_than_inside_them() {
        // Ten lines of 14 pt; a page holds eight. A break after line 6 (an entry boundary) costs
        // less than a break after line 8 inside a paragraph, even with two lines left empty.
        let mut lines: Vec<_> = (0..10).map(|_| line(14.0, false)).collect();
        for l in &mut lines {
            l.break_cost = crate::typeset::flow::INSIDE_PARAGRAPH;
        }
        lines[5].break_cost = 0.0;
        assert_eq!(paginate(&lines, |_| 112.0), [0..6, 6..10]);
        // Between bullets (1.5) is not worth four empty lines.
        lines[5].break_cost = 1.5;
        lines[3].break_cost = 1.5;
        lines[7].break_cost = 1.5;
        assert_eq!(paginate(&lines, |_| 112.0), [0..8, 8..10]);
    }

    #[test]
    fn gaps_vanish_at_the_top_of_a_page() {
        let mut lines: Vec<_> = (0..4).map(|_| line(10.0, false)).collect();
        lines[2].gap_before = 100.0;
        assert_eq!(paginate(&lines, |_| 25.0), [0..2, 2..4]);
    }
}
