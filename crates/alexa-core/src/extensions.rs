//! Per-request values that layers hand to extractors (a store handle, a message catalogue).

use std::any::{Any, TypeId};
use std::collections::HashMap;
use std::fmt;
use std::sync::{Arc, Mutex, PoisonError};

type Map = HashMap<TypeId, Arc<dyn Any + Send + Sync>>;

/// Typed values attached to one request by the skill's layers, read by extractors.
///
/// A layer sees the request as a shared `Arc<RequestEnvelope>`, so insertion takes `&self`
/// (the map sits behind a lock that is never contended: one request, one task). Values are
/// never serialised and never compared: two envelopes are equal whatever they carry here.
///
/// ```
/// use alexa_core::extensions::Extensions;
/// #[derive(Debug, PartialEq)]
/// struct TenantId(u32);
/// let ext = Extensions::default();
/// ext.insert(TenantId(7));
/// assert_eq!(*ext.get::<TenantId>().unwrap(), TenantId(7));
/// assert!(ext.get::<String>().is_none());
/// ```
#[derive(Default)]
pub struct Extensions {
    map: Mutex<Map>,
}

impl Extensions {
    /// Attaches `value`, replacing a value of the same type.
    pub fn insert<T: Send + Sync + 'static>(&self, value: T) {
        self.insert_arc(Arc::new(value));
    }

    /// Attaches a value that is already shared.
    pub fn insert_arc<T: Send + Sync + 'static>(&self, value: Arc<T>) {
        self.lock().insert(TypeId::of::<T>(), value);
    }

    /// The value of type `T`, if a layer attached one.
    pub fn get<T: Send + Sync + 'static>(&self) -> Option<Arc<T>> {
        let value = self.lock().get(&TypeId::of::<T>())?.clone();
        value.downcast::<T>().ok()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Map> {
        // Nothing can be left half-written by a panic: every critical section is one call.
        self.map.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl Clone for Extensions {
    fn clone(&self) -> Self {
        Self {
            map: Mutex::new(self.lock().clone()),
        }
    }
}

impl PartialEq for Extensions {
    /// Always true: extensions are not part of what a request says.
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl fmt::Debug for Extensions {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Extensions({} values)", self.lock().len())
    }
}
