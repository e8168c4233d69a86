//! The 44 prompt fixtures: `render.STRING` with the prompt's own template (BASIC.PROMPT when
//! the file has none) and `preset_matrix` with each of the 56 presets.

use serde_json::json;

use crate::support::{check_render, conformance_dir, load, presets, render_args};

#[test]
fn prompts_render_with_own_template_and_every_preset_like_memor() {
    let dir = conformance_dir().join("objects/prompts");
    let presets = presets();
    assert_eq!(presets.len(), 56);
    let (mut prompts, mut own_checked, mut matrix_checked) = (0, 0, 0);
    let mut failures = Vec::new();
    for n in 0.. {
        let path = dir.join(format!("P{n:03}.json"));
        if !path.exists() {
            break;
        }
        prompts += 1;
        let prompt = load(&path);
        let expected = load(&dir.join(format!("P{n:03}.expected.json")));

        let basic = json!({"content": "{instruction}{prompt[message]}", "custom_map": {"instruction": ""}});
        let template = prompt.get("template").unwrap_or(&basic);
        let args = render_args(&prompt, &template["custom_map"]);
        own_checked += 1;
        if let Some(why) = check_render(&template["content"], &args, &expected["render"]["STRING"]) {
            failures.push(format!("P{n:03} render.STRING: {why}"));
        }

        let matrix = expected["preset_matrix"].as_object().unwrap();
        for (name, content, custom_map) in &presets {
            let outcome = &matrix[name.as_str()];
            let args = render_args(&prompt, custom_map);
            matrix_checked += 1;
            if let Some(why) = check_render(content, &args, outcome) {
                failures.push(format!("P{n:03} × {name}: {why}"));
            }
        }
    }
    println!(
        "prompt fixtures: {prompts} prompts, render.STRING {own_checked} checked, preset_matrix {matrix_checked} checked, {} mismatches",
        failures.len()
    );
    assert_eq!(prompts, 44);
    assert_eq!(matrix_checked, 44 * 56);
    assert!(failures.is_empty(), "{failures:#?}");
}
