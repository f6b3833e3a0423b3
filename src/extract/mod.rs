//! The extractors, one per file. Each reads a [`crate::Document`] and returns
//! its part of the [`crate::Notice`]; none of them tokenizes or normalizes on
//! its own.

pub mod contacts;
pub mod counts;
pub mod data_items;
pub mod dates;
pub mod incident;
pub mod kind;
pub mod leak;
pub mod metadata;
pub mod published;
pub mod sentences;
