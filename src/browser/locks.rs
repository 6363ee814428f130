//! The Web Locks API: work on the saved data done by one tab at a time, so
//! two tabs that change it at the same moment never both read the old text
//! and write over each other. Where the browser lacks the API, or refuses
//! the lock, the work runs anyway, unlocked (as before locks existed): the
//! other tab's change is then still merged when its `storage` event comes.
//! So too when another tab holds the lock for longer than [`PATIENCE_MS`]
//! (stuck, or frozen by the browser): a change is never held back for
//! ever, and lost if the page is then closed.

use super::{call, global, property};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

type Work = Rc<RefCell<Option<Box<dyn FnOnce()>>>>;

/// How long work waits for the lock before it runs unlocked.
pub const PATIENCE_MS: u32 = 3_000;

/// Runs `work` while holding the lock `name`, shared by every tab and
/// worker of this site: later, once no other holds it; or at once where
/// there are no locks. `work` runs exactly once, and holds the lock only
/// while it runs (it must not wait for anything).
pub fn exclusive(name: &str, work: impl FnOnce() + 'static) {
    let work: Work = Rc::new(RefCell::new(Some(Box::new(work))));
    let Some(locks) = global("navigator").and_then(|n| property(&n, "locks")) else {
        return run(&work);
    };
    let granted = {
        let work = work.clone();
        Closure::once_into_js(move || run(&work))
    };
    let promise =
        call(&locks, "request", &[name.into(), granted]).and_then(|p| p.dyn_into::<js_sys::Promise>().ok());
    let Some(promise) = promise else {
        return run(&work);
    };
    // Not granted in time: run unlocked (once; the grant, when it comes,
    // then finds nothing left to do and lets go at once).
    {
        let work = work.clone();
        gloo_timers::callback::Timeout::new(PATIENCE_MS, move || run(&work)).forget();
    }
    // Refused (a sandboxed or opaque origin): run unlocked, once.
    wasm_bindgen_futures::spawn_local(async move {
        if wasm_bindgen_futures::JsFuture::from(promise).await.is_err() {
            run(&work);
        }
    });
}

/// Runs the work unless it has run.
fn run(work: &Work) {
    let taken = work.borrow_mut().take();
    if let Some(work) = taken {
        work();
    }
}
