//! Local storage, where the browser allows it: private modes and blocked
//! site data make reading `localStorage` throw, which reads as "none" here.

fn storage() -> Option<web_sys::Storage> {
    super::window()?.local_storage().ok()?
}

/// Whether anything can be saved on this device.
pub fn available() -> bool {
    storage().is_some()
}

/// The saved text under `key`, if any.
pub fn load(key: &str) -> Option<String> {
    storage()?.get_item(key).ok()?
}

/// Saves `value` under `key`; false if it could not be saved.
pub fn save(key: &str, value: &str) -> bool {
    storage().is_some_and(|s| s.set_item(key, value).is_ok())
}

/// Removes what is saved under `key`; false if it could not be.
pub fn remove(key: &str) -> bool {
    storage().is_some_and(|s| s.remove_item(key).is_ok())
}

/// Whether anything is saved under a key starting with `prefix`.
pub fn has_any(prefix: &str) -> bool {
    let Some(storage) = storage() else { return false };
    let count = storage.length().unwrap_or(0);
    (0..count).any(|i| {
        storage
            .key(i)
            .ok()
            .flatten()
            .is_some_and(|key| key.starts_with(prefix))
    })
}

/// Calls `f` when another tab of this site changes what is saved under
/// `key`, or clears the site's storage, while the current owner lives.
pub fn on_other_tab_change(key: &'static str, f: impl Fn() + Clone + 'static) {
    super::listen(&["storage"], move |event| {
        let changed = js_sys::Reflect::get(&event, &"key".into())
            .ok()
            .and_then(|k| k.as_string());
        // `None`: storage was cleared in another tab.
        if changed.is_none() || changed.as_deref() == Some(key) {
            f();
        }
    });
}
