//! Derive macros for `alexa-core`, each named after the trait it implements. Use them
//! through `alexa_core::{FromSlot, FromSlots}`.

use proc_macro::TokenStream;
use quote::quote;
use syn::{
    parse_macro_input, Data, DeriveInput, Fields, GenericArgument, LitStr, PathArguments, Type,
};

/// Reads `#[slot(name = "...")]` / `#[slot(id = "...")]` from attributes.
fn slot_attr(attrs: &[syn::Attribute], key: &str) -> syn::Result<Option<LitStr>> {
    let mut found = None;
    for attr in attrs.iter().filter(|a| a.path().is_ident("slot")) {
        attr.parse_nested_meta(|meta| {
            if meta.path.is_ident(key) {
                found = Some(meta.value()?.parse::<LitStr>()?);
                Ok(())
            } else {
                Err(meta.error(format!("expected `{key} = \"...\"`")))
            }
        })?;
    }
    Ok(found)
}

/// `Option<T>` -> ("optional", T), `Vec<T>` -> ("list", T), else ("required", ty).
fn field_kind(ty: &Type) -> (&'static str, &Type) {
    if let Type::Path(path) = ty {
        if let Some(last) = path.path.segments.last() {
            if let PathArguments::AngleBracketed(args) = &last.arguments {
                if let Some(GenericArgument::Type(inner)) = args.args.first() {
                    if last.ident == "Option" {
                        return ("optional", inner);
                    }
                    if last.ident == "Vec" {
                        return ("list", inner);
                    }
                }
            }
        }
    }
    ("required", ty)
}

/// Implements `FromSlots` for a struct with named fields: each field is a slot of the same
/// name (or `#[slot(name = "Region")]`). `T` fields are required, `Option<T>` optional,
/// `Vec<T>` multi-value; `T` implements `FromSlot`.
#[proc_macro_derive(FromSlots, attributes(slot))]
pub fn derive_slots(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    expand_slots(&input)
        .unwrap_or_else(syn::Error::into_compile_error)
        .into()
}

fn expand_slots(input: &DeriveInput) -> syn::Result<proc_macro2::TokenStream> {
    let name = &input.ident;
    let Data::Struct(data) = &input.data else {
        return Err(syn::Error::new_spanned(
            name,
            "`FromSlots` derives only for structs",
        ));
    };
    let Fields::Named(fields) = &data.fields else {
        return Err(syn::Error::new_spanned(
            name,
            "`FromSlots` needs named fields, one per slot",
        ));
    };
    let mut slot_names = Vec::new();
    let mut inits = Vec::new();
    for field in &fields.named {
        let ident = field.ident.as_ref().expect("named field");
        let slot = slot_attr(&field.attrs, "name")?
            .unwrap_or_else(|| LitStr::new(&ident.to_string(), ident.span()));
        let (kind, inner) = field_kind(&field.ty);
        let func = syn::Ident::new(&format!("slot_{kind}"), ident.span());
        inits.push(quote! { #ident: ::alexa_core::__private::#func::<#inner>(intent, #slot)? });
        slot_names.push(slot);
    }
    let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();
    Ok(quote! {
        impl #impl_generics ::alexa_core::extract::FromSlots for #name #ty_generics #where_clause {
            const SLOT_NAMES: &'static [&'static str] = &[#(#slot_names),*];
            fn from_intent(
                intent: &::alexa_core::model::Intent,
            ) -> ::core::result::Result<Self, ::alexa_core::extract::SlotRejection> {
                ::core::result::Result::Ok(Self { #(#inits),* })
            }
        }
    })
}

/// Implements `FromSlot` for a fieldless enum that mirrors a custom slot type. Each variant
/// matches the value id `#[slot(id = "...")]` (default: the variant name), compared without
/// case. A resolved id is used first; without resolutions the spoken value is compared;
/// `ER_SUCCESS_NO_MATCH` or an unknown id is `SlotError::Unresolved`, never a guess.
/// Also adds `id()` and `IDS`.
#[proc_macro_derive(FromSlot, attributes(slot))]
pub fn derive_slot_enum(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    expand_slot_enum(&input)
        .unwrap_or_else(syn::Error::into_compile_error)
        .into()
}

fn expand_slot_enum(input: &DeriveInput) -> syn::Result<proc_macro2::TokenStream> {
    let name = &input.ident;
    let Data::Enum(data) = &input.data else {
        return Err(syn::Error::new_spanned(
            name,
            "`FromSlot` derives only for enums",
        ));
    };
    let mut ids = Vec::new();
    let mut variants = Vec::new();
    for variant in &data.variants {
        if !matches!(variant.fields, Fields::Unit) {
            return Err(syn::Error::new_spanned(
                variant,
                "`FromSlot` variants carry no data",
            ));
        }
        let ident = &variant.ident;
        let id = slot_attr(&variant.attrs, "id")?
            .unwrap_or_else(|| LitStr::new(&ident.to_string(), ident.span()));
        ids.push(id);
        variants.push(ident);
    }
    Ok(quote! {
        impl #name {
            /// The slot value ids, in declaration order.
            pub const IDS: &'static [&'static str] = &[#(#ids),*];

            /// This value's id in the interaction model.
            pub fn id(&self) -> &'static str {
                match self { #(Self::#variants => #ids,)* }
            }

            fn from_slot_id(id: &str) -> ::core::option::Option<Self> {
                #(if id.eq_ignore_ascii_case(#ids) { return ::core::option::Option::Some(Self::#variants); })*
                ::core::option::Option::None
            }
        }

        impl ::alexa_core::extract::FromSlot for #name {
            fn from_slot(
                value: ::alexa_core::model::SlotValueRef<'_>,
            ) -> ::core::result::Result<Self, ::alexa_core::extract::SlotError> {
                let spoken = value.value.ok_or(::alexa_core::extract::SlotError::Missing)?;
                let unresolved = || ::alexa_core::extract::SlotError::Unresolved { spoken: spoken.to_owned() };
                if let ::core::option::Option::Some(resolved) = value.resolved() {
                    return Self::from_slot_id(&resolved.id).ok_or_else(unresolved);
                }
                if value.is_no_match() {
                    return ::core::result::Result::Err(unresolved());
                }
                Self::from_slot_id(spoken).ok_or_else(unresolved)
            }
        }
    })
}
