//! A content hash (SHA-256) for everything that must be derived from the content instead of from a
//! clock or a random source: subset tags and the trailer `/ID`.

use sha2::{Digest, Sha256};

/// Incremental SHA-256.
pub(crate) struct Hasher(Sha256);

impl Hasher {
    /// An empty hash.
    pub fn new() -> Hasher {
        Hasher(Sha256::new())
    }

    /// Feeds `bytes`.
    pub fn update(&mut self, bytes: &[u8]) {
        self.0.update(bytes);
    }

    /// The digest of everything fed so far.
    pub fn finish(self) -> [u8; 32] {
        self.0.finalize().into()
    }
}
