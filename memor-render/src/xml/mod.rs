//! memor's XML helpers (spec §15): `contains_xml`, `xml_tree`, `update_message_from_xml`.
