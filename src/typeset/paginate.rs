//! Flow lines → pages, breaking only where a page may end.

use super::flow::FlowLine;

/// Splits `lines` into pages; page `n` holds at most `height_of(n)` points.
///
/// A page ends after a line only if that line allows it (`keep_with_next` is false): headings stay
/// with what follows, entry headers with their first line, and no paragraph leaves a single line
/// alone. When a run of kept-together lines is taller than a page, it is cut where it overflows.
/// Returns the index ranges of each page's lines.
pub fn paginate(
    lines: &[FlowLine],
    height_of: impl Fn(usize) -> f32,
) -> Vec<std::ops::Range<usize>> {
    let mut pages = Vec::new();
    let mut start = 0;
    let mut used = 0.0;
    let mut i = 0;
    while i < lines.len() {
        let line = &lines[i];
        let gap = if i == start { 0.0 } else { line.gap_before };
        if i > start && used + gap + line.height > height_of(pages.len()) + 0.01 {
            let end = (start + 1..=i)
                .rev()
                .find(|&j| !lines[j - 1].keep_with_next)
                .unwrap_or(i);
            pages.push(start..end);
            start = end;
            used = 0.0;
            i = end;
            continue;
        }
        used += gap + line.height;
        i += 1;
    }
    if start < lines.len() || pages.is_empty() {
        pages.push(start..lines.len());
    }
    pages
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(height: f32, keep_with_next: bool) -> FlowLine {
        FlowLine {
            gap_before: 0.0,
            height,
            items: Vec::new(),
            keep_with_next,
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
    fn gaps_vanish_at_the_top_of_a_page() {
        let mut lines: Vec<_> = (0..4).map(|_| line(10.0, false)).collect();
        lines[2].gap_before = 100.0;
        assert_eq!(paginate(&lines, |_| 25.0), [0..2, 2..4]);
    }
}
