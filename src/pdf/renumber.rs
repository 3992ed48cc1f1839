//! Drops the objects nothing refers to and numbers the rest 1, 2, 3… in the order of their old
//! numbers: what lopdf's `prune_objects` followed by `renumber_objects` do, with the same
//! result, in time linear in the size of the document. Also makes room for objects among
//! numbered ones ([`make_room`]).
//!
//! Written here because lopdf 0.44 walks the object graph keeping the references it has seen in
//! a list and looks every reference up in it, which is quadratic in the number of objects. A
//! tagged resume has an object for every line's structure element, so a 2,000-job resume spent
//! 6.2 of its 8.3 G instructions in those two calls.

// foldhash: every reference of the document is looked up, and SipHash was most of the cost.
use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};

use lopdf::{Dictionary, Document, Object, ObjectId};

/// Prunes and renumbers `doc` as lopdf's `prune_objects` + `renumber_objects` would.
pub(super) fn prune_and_renumber(doc: &mut Document) {
    if !pages_in_number_order(doc) {
        // lopdf then also swaps the numbers of the pages into page order; our documents never
        // need it, and lopdf's own (slow) path keeps its exact behaviour should one ever do.
        doc.prune_objects();
        doc.renumber_objects();
        return;
    }
    let reachable = reachable(doc);
    let old = std::mem::take(&mut doc.objects);
    let mut renumbered: HashMap<ObjectId, ObjectId> = HashMap::with_capacity(reachable.len());
    let mut next = 1;
    // Inserted one by one: collecting would hold every object in a vector as well (27 MB more
    // at the peak of a 10 MB resume).
    for (id, object) in old.into_iter().filter(|(id, _)| reachable.contains(id)) {
        let new = (next, id.1);
        next += 1;
        renumbered.insert(id, new);
        doc.objects.insert(new, object);
    }
    let new_id = |id: ObjectId| renumbered.get(&id).copied().unwrap_or(id);
    for object in doc.objects.values_mut() {
        replace_references(object, &new_id);
    }
    replace_in_dictionary(&mut doc.trailer, &new_id);
    doc.max_id = next - 1;
}

/// Moves every object numbered `at` or more `count` numbers up, references to it too, so that
/// numbers `at..at + count` are free for new objects to take that place in the final numbering.
pub(super) fn make_room(doc: &mut Document, at: u32, count: u32) {
    let moved = |id: ObjectId| {
        if id.0 >= at { (id.0 + count, id.1) } else { id }
    };
    let old = std::mem::take(&mut doc.objects);
    // In order and moved alike, so the map is built from sorted entries.
    doc.objects = old
        .into_iter()
        .map(|(id, mut object)| {
            replace_references(&mut object, &moved);
            (moved(id), object)
        })
        .collect();
    replace_in_dictionary(&mut doc.trailer, &moved);
    doc.max_id += count;
}

/// Whether the pages, in page-tree order, have increasing object numbers.
fn pages_in_number_order(doc: &Document) -> bool {
    let pages: Vec<ObjectId> = doc.page_iter().collect();
    pages.windows(2).all(|pair| pair[0] < pair[1])
}

/// Every object the trailer leads to.
fn reachable(doc: &Document) -> HashSet<ObjectId> {
    let mut seen = HashSet::new();
    let mut pending = Vec::new();
    for value in doc.trailer.iter().map(|(_, value)| value) {
        references(value, &mut pending);
    }
    while let Some(id) = pending.pop() {
        if seen.insert(id)
            && let Some(object) = doc.objects.get(&id)
        {
            references(object, &mut pending);
        }
    }
    seen
}

/// Pushes every reference inside `object` (not following them) onto `out`.
fn references(object: &Object, out: &mut Vec<ObjectId>) {
    match object {
        Object::Reference(id) => out.push(*id),
        Object::Array(items) => items.iter().for_each(|item| references(item, out)),
        Object::Dictionary(dict) => dict.iter().for_each(|(_, value)| references(value, out)),
        Object::Stream(stream) => stream
            .dict
            .iter()
            .for_each(|(_, value)| references(value, out)),
        _ => {}
    }
}

/// Replaces every reference inside `object` to `id` by one to `new_id(id)`.
fn replace_references(object: &mut Object, new_id: &impl Fn(ObjectId) -> ObjectId) {
    match object {
        Object::Reference(id) => *id = new_id(*id),
        Object::Array(items) => items
            .iter_mut()
            .for_each(|item| replace_references(item, new_id)),
        Object::Dictionary(dict) => replace_in_dictionary(dict, new_id),
        Object::Stream(stream) => replace_in_dictionary(&mut stream.dict, new_id),
        _ => {}
    }
}

fn replace_in_dictionary(dict: &mut Dictionary, new_id: &impl Fn(ObjectId) -> ObjectId) {
    for (_, value) in dict.iter_mut() {
        replace_references(value, new_id);
    }
}

#[cfg(test)]
mod tests {
    use super::{make_room, prune_and_renumber};
    use lopdf::{Document, Object, dictionary};

    /// A document whose objects are numbered with gaps, with an object nothing refers to and a
    /// cycle (a child pointing back at its parent, as structure elements do).
    fn document() -> Document {
        let mut doc = Document::with_version("1.7");
        let pages = (10, 0);
        let page = (12, 0);
        let parent = (20, 0);
        let child = (30, 0);
        doc.objects.insert(
            pages,
            Object::Dictionary(
                dictionary! {"Type" => "Pages", "Kids" => vec![page.into()], "Count" => 1},
            ),
        );
        doc.objects.insert(
            page,
            Object::Dictionary(dictionary! {"Type" => "Page", "Parent" => pages}),
        );
        doc.objects.insert(
            parent,
            Object::Dictionary(dictionary! {"K" => vec![child.into()]}),
        );
        doc.objects
            .insert(child, Object::Dictionary(dictionary! {"P" => parent}));
        doc.objects.insert((40, 0), Object::Integer(7));
        doc.objects.insert(
            (50, 0),
            Object::Dictionary(
                dictionary! {"Type" => "Catalog", "Pages" => pages, "StructTreeRoot" => parent},
            ),
        );
        doc.trailer.set("Root", (50, 0));
        doc.max_id = 50;
        doc
    }

    #[test]
    fn gives_the_same_document_as_lopdf_prune_and_renumber() {
        let mut ours = document();
        prune_and_renumber(&mut ours);
        let mut theirs = document();
        theirs.prune_objects();
        theirs.renumber_objects();
        assert_eq!(ours.objects, theirs.objects);
        assert_eq!(ours.trailer, theirs.trailer);
        assert_eq!(ours.max_id, theirs.max_id);
        // The object nothing referred to is gone; the rest are 1..=5.
        assert_eq!(
            ours.objects.keys().copied().collect::<Vec<_>>(),
            (1..=5).map(|n| (n, 0)).collect::<Vec<_>>()
        );
    }

    #[test]
    fn room_is_made_where_asked_and_references_follow() {
        let mut doc = document();
        make_room(&mut doc, 20, 3);
        let numbers: Vec<u32> = doc.objects.keys().map(|id| id.0).collect();
        assert_eq!(numbers, [10, 12, 23, 33, 43, 53]);
        assert_eq!(
            doc.trailer.get(b"Root").unwrap(),
            &Object::Reference((53, 0))
        );
        let child = doc.get_dictionary((33, 0)).unwrap();
        assert_eq!(child.get(b"P").unwrap(), &Object::Reference((23, 0)));
        let page = doc.get_dictionary((12, 0)).unwrap();
        assert_eq!(page.get(b"Parent").unwrap(), &Object::Reference((10, 0)));
        assert_eq!(doc.max_id, 53);
    }
}
