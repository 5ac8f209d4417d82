//! Amazon's string enums, read tolerantly: a value newer than this crate becomes `Other`
//! instead of failing the whole answer.

/// Declares a `Copy` enum with its wire strings, `as_str`, serde both ways and `Other` for
/// values Amazon adds later.
macro_rules! str_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $wire:literal, )*
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum $name {
            $( $(#[$vmeta])* $variant, )*
            /// A value newer than this crate.
            Other,
        }

        impl $name {
            /// The value as Amazon writes it (`"OTHER"` for one this crate does not know).
            pub fn as_str(self) -> &'static str {
                match self {
                    $( Self::$variant => $wire, )*
                    Self::Other => "OTHER",
                }
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let text = <std::borrow::Cow<'de, str>>::deserialize(d)?;
                Ok(match text.as_ref() {
                    $( $wire => Self::$variant, )*
                    _ => Self::Other,
                })
            }
        }
    };
}

pub(crate) use str_enum;
