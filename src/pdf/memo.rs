//! A small process-wide memo of recent results, for work a batch repeats from one PDF to the
//! next: the same face subset to the same glyphs (one resume in several layouts), and the same
//! font program compressed again.
//!
//! Bounded to the last [`CAPACITY`] results, so a worker's memory stays flat however long the
//! batch; a hit returns a copy of exactly what the work would produce, so output is the same
//! with or without it.

use std::sync::Mutex;

/// Results kept per memo: a few documents' worth of faces.
const CAPACITY: usize = 16;

/// The last results of some work, by key, oldest first.
pub(super) struct Memo<K, V>(Mutex<Vec<(K, V)>>);

impl<K: PartialEq, V: Clone> Memo<K, V> {
    pub(super) const fn new() -> Self {
        Memo(Mutex::new(Vec::new()))
    }

    /// The value kept for `key`, else `work(&key)`'s (kept when it succeeds). The lock is not held
    /// while working, so parallel workers never wait on each other's work.
    pub(super) fn get_or_try<E>(
        &self,
        key: K,
        work: impl FnOnce(&K) -> Result<V, E>,
    ) -> Result<V, E> {
        if let Some(value) = self
            .lock()
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| v.clone())
        {
            return Ok(value);
        }
        let value = work(&key)?;
        let mut entries = self.lock();
        if entries.len() >= CAPACITY {
            entries.remove(0);
        }
        entries.push((key, value.clone()));
        Ok(value)
    }

    /// The entries, even when another worker panicked holding them (they are complete values).
    fn lock(&self) -> std::sync::MutexGuard<'_, Vec<(K, V)>> {
        self.0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_are_kept_and_the_oldest_dropped() {
        let memo: Memo<u32, String> = Memo::new();
        let runs = std::cell::Cell::new(0);
        let work = |k: u32| {
            memo.get_or_try(k, |_| {
                runs.set(runs.get() + 1);
                Ok::<_, ()>(k.to_string())
            })
        };
        assert_eq!(work(1), Ok("1".to_string()));
        assert_eq!(work(1), Ok("1".to_string()));
        assert_eq!(runs.get(), 1);
        for k in 2..=CAPACITY as u32 + 1 {
            work(k).unwrap();
        }
        work(1).unwrap();
        assert_eq!(runs.get(), CAPACITY + 2);
        assert_eq!(memo.get_or_try(7, |_| Err("failed")), Ok("7".to_string()));
        assert_eq!(memo.get_or_try(99, |_| Err("failed")), Err("failed"));
    }
}
