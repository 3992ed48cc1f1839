//! The `resumepdf` command: a thin shell over the library (see `cli`).

mod cli;

use libmimalloc_sys as mi;

/// mimalloc instead of the system allocator: a render makes about 15,000 small allocations,
/// and glibc's malloc and free took 4.5 M of john-doe's 31.4 M instructions (28.8 M with
/// mimalloc). Version 2 (`v2`) took fewer instructions and 8 % less memory than version 3 on a
/// 10 MB resume. Built without transparent huge pages (`no_thp`): with them, that resume spent
/// 2 s of system time faulting in freed and reused huge pages (2.8 s wall with `no_thp`, 3.3 s
/// with glibc).
#[global_allocator]
static ALLOCATOR: MiMalloc = MiMalloc;

/// mimalloc as Rust's allocator. Unlike the `mimalloc` crate's wrapper, which asks for every
/// block through mimalloc's aligned entry points, a block that needs no more than word alignment
/// (nearly all of them: strings, byte and glyph vectors) goes through the plain ones, which are
/// shorter: 0.42 M fewer instructions for a render of john-doe (23.84 M -> 23.42 M).
struct MiMalloc;

/// The alignment every mimalloc block has: its blocks are whole machine words.
const WORD: usize = std::mem::size_of::<usize>();

// SAFETY: every block comes from mimalloc and goes back to it (`mi_free` takes blocks of every
// entry point). The plain entry points are used only where the layout asks for at most word
// alignment, which every mimalloc block has; the aligned ones take the layout's alignment.
unsafe impl std::alloc::GlobalAlloc for MiMalloc {
    unsafe fn alloc(&self, layout: std::alloc::Layout) -> *mut u8 {
        // SAFETY: see the impl.
        unsafe {
            if layout.align() <= WORD {
                mi::mi_malloc(layout.size()).cast()
            } else {
                mi::mi_malloc_aligned(layout.size(), layout.align()).cast()
            }
        }
    }

    unsafe fn alloc_zeroed(&self, layout: std::alloc::Layout) -> *mut u8 {
        // SAFETY: see the impl.
        unsafe {
            if layout.align() <= WORD {
                mi::mi_zalloc(layout.size()).cast()
            } else {
                mi::mi_zalloc_aligned(layout.size(), layout.align()).cast()
            }
        }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, _layout: std::alloc::Layout) {
        // SAFETY: see the impl.
        unsafe { mi::mi_free(ptr.cast()) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: std::alloc::Layout, new_size: usize) -> *mut u8 {
        // SAFETY: see the impl.
        unsafe {
            if layout.align() <= WORD {
                mi::mi_realloc(ptr.cast(), new_size).cast()
            } else {
                mi::mi_realloc_aligned(ptr.cast(), new_size, layout.align()).cast()
            }
        }
    }
}

fn main() -> std::process::ExitCode {
    cli::run()
}

#[cfg(test)]
mod tests {
    use std::alloc::{GlobalAlloc, Layout};

    use super::MiMalloc;

    #[test]
    fn blocks_have_the_alignment_and_contents_their_layouts_ask_for() {
        for align in [1, 2, 4, 8, 16, 32, 64, 4096] {
            for size in [1, 3, 8, 24, 52, 100, 4000, 70_000] {
                let layout = Layout::from_size_align(size, align).unwrap();
                // SAFETY: each block is a live allocation of `layout`, used within its size and
                // freed once.
                unsafe {
                    let block = MiMalloc.alloc(layout);
                    assert!(!block.is_null());
                    assert_eq!(block as usize % align, 0, "{size} bytes at {align}");
                    block.write_bytes(7, size);
                    let grown = MiMalloc.realloc(block, layout, size * 3);
                    assert_eq!(grown as usize % align, 0, "{size} bytes grown at {align}");
                    assert!((0..size).all(|i| *grown.add(i) == 7));
                    MiMalloc.dealloc(grown, Layout::from_size_align(size * 3, align).unwrap());
                    let zeroed = MiMalloc.alloc_zeroed(layout);
                    assert_eq!(zeroed as usize % align, 0, "{size} zeroed bytes at {align}");
                    assert!((0..size).all(|i| *zeroed.add(i) == 0));
                    MiMalloc.dealloc(zeroed, layout);
                }
            }
        }
    }
}
