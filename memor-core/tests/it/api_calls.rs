//! api_calls
