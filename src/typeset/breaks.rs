//! Total-fit line breaking: chooses the break opportunities of a whole paragraph at once, as TeX
//! and Typst do, instead of filling one line at a time. Greedy filling leaves a single word on the
//! last line of a third of all bullets; looking at the paragraph as a whole moves a word or two
//! down so the last line is not a runt, at the price of slightly less even right edges above it.
//!
//! The search is a shortest path over break positions (Knuth–Plass without stretch, for ragged
//! right text): each line costs a fixed amount plus its squared relative slack, a last line of
//! one word or shorter than a set fraction of the measure costs a strong penalty. A line never
//! spans more than [`MAX_ATOMS_PER_LINE`] atoms, so the time is linear in the paragraph's length;
//! a paragraph that needs more, or has an atom wider than its line, is filled greedily.

/// The widths of an unbreakable piece of text (a word with the spaces after it).
#[derive(Debug, Clone, Copy)]
pub struct AtomWidth {
    /// Width without trailing spaces: what a line ending with the atom takes.
    pub inked: f32,
    /// Width with trailing spaces: what the atom takes inside a line.
    pub full: f32,
    /// A line must end after this atom (a newline in the text).
    pub mandatory: bool,
}

/// Cost of every line: high enough that a paragraph is never made a line longer merely to even
/// its right edge or to avoid a runt (the page count must not grow).
const LINE_COST: f64 = 100.0;
/// Cost of a last line of one word, or one shorter than the minimum fraction of the measure.
const RUNT_COST: f64 = 60.0;
/// Weight of the squared slack (as a fraction of the measure) of a line that is not a last line.
const SLACK_WEIGHT: f64 = 40.0;
/// Most atoms a line may hold before the paragraph is filled greedily instead (only zero-width or
/// pathological text gets near it; a line of CJK text holds about forty).
const MAX_ATOMS_PER_LINE: usize = 400;
/// Tolerance for rounding when comparing a line's width with its measure.
const EPSILON: f32 = 0.01;

/// Where the lines of a paragraph of `atoms` end (exclusive atom indices, the last one
/// `atoms.len()`), or `None` when the paragraph must be filled greedily (an atom wider than its
/// line, or lines of too many atoms). `width_of(i)` is the measure of line `i`; a last line whose
/// inked width is below `last_line_min` times its measure counts as a runt.
pub fn total_fit(
    atoms: &[AtomWidth],
    width_of: &impl Fn(usize) -> f32,
    last_line_min: f32,
) -> Option<Vec<usize>> {
    let n = atoms.len();
    if n == 0 {
        return Some(Vec::new());
    }
    // best[j]: cheapest way to set atoms[..j] as whole lines: (cost, lines, previous break).
    let mut best: Vec<Option<(f64, usize, usize)>> = vec![None; n + 1];
    best[0] = Some((0.0, 0, 0));
    // Where the current stretch between mandatory breaks starts: no line reaches before it.
    let mut floor = 0;
    for end in 1..=n {
        let last_of_stretch = atoms[end - 1].mandatory || end == n;
        let mut inked = atoms[end - 1].inked;
        let mut found = false;
        let mut start = end - 1;
        loop {
            if let Some((cost, lines, _)) = best[start] {
                let width = width_of(lines);
                if inked > width + EPSILON {
                    if start == end - 1 {
                        return None; // an atom wider than its line
                    }
                    break;
                }
                let line_cost = if last_of_stretch {
                    let one_word = end - start == 1 && start > floor;
                    let short = inked < last_line_min * width && start > floor;
                    if one_word || short { RUNT_COST } else { 0.0 }
                } else {
                    // An unbounded measure (text that never wraps) has no slack to weigh.
                    let slack = if width.is_finite() {
                        f64::from((width - inked) / width)
                    } else {
                        0.0
                    };
                    SLACK_WEIGHT * slack * slack
                };
                let total = cost + LINE_COST + line_cost;
                if best[end].is_none_or(|(b, _, _)| total < b) {
                    best[end] = Some((total, lines + 1, start));
                    found = true;
                }
            }
            if start == floor {
                break;
            }
            if end - start >= MAX_ATOMS_PER_LINE {
                return None;
            }
            start -= 1;
            inked += atoms[start].full;
        }
        if !found {
            return None;
        }
        if atoms[end - 1].mandatory {
            // Only the break after a newline may start the next stretch.
            floor = end;
        }
    }
    let mut ends = Vec::new();
    let mut at = n;
    while at > 0 {
        ends.push(at);
        at = best[at]?.2;
    }
    ends.reverse();
    Some(ends)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(widths: &[f32]) -> Vec<AtomWidth> {
        widths
            .iter()
            .map(|&w| AtomWidth {
                inked: w,
                full: w + 1.0,
                mandatory: false,
            })
            .collect()
    }

    #[test]
    fn a_word_left_alone_on_the_last_line_gets_company() {
        // Greedy: [10 10 10 10 10 | 10] leaves the last word alone in a measure of 55.
        let atoms = words(&[10.0; 6]);
        let ends = total_fit(&atoms, &|_| 55.0, 0.15).unwrap();
        assert_eq!(ends.len(), 2);
        assert!(ends[0] <= 4, "{ends:?}");
        assert_eq!(*ends.last().unwrap(), 6);
    }

    #[test]
    fn a_paragraph_that_fits_stays_on_one_line() {
        let atoms = words(&[10.0; 4]);
        assert_eq!(total_fit(&atoms, &|_| 100.0, 0.15).unwrap(), [4]);
    }

    #[test]
    fn every_line_fits_and_newlines_are_kept() {
        let mut atoms = words(&[12.0, 30.0, 7.0, 22.0, 15.0, 9.0, 40.0, 3.0, 18.0, 25.0]);
        atoms[4].mandatory = true;
        let ends = total_fit(&atoms, &|i| if i == 0 { 40.0 } else { 60.0 }, 0.15).unwrap();
        assert!(ends.contains(&5), "{ends:?}");
        let mut start = 0;
        for (line, &end) in ends.iter().enumerate() {
            let width: f32 =
                atoms[start..end - 1].iter().map(|a| a.full).sum::<f32>() + atoms[end - 1].inked;
            assert!(width <= if line == 0 { 40.01 } else { 60.01 }, "{ends:?}");
            start = end;
        }
    }

    #[test]
    fn an_unbounded_measure_keeps_one_line() {
        assert_eq!(
            total_fit(&words(&[10.0; 5]), &|_| f32::INFINITY, 0.15).unwrap(),
            [5]
        );
    }

    #[test]
    fn an_atom_wider_than_its_line_falls_back_to_greedy() {
        assert!(total_fit(&words(&[10.0, 80.0]), &|_| 50.0, 0.15).is_none());
    }
}
