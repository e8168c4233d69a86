//! The 26 template fixtures (`objects/templates/TNNN.json`) rendered with every reference
//! prompt they list (`render_with_reference_prompts`).

use crate::support::{check_render, conformance_dir, load, render_args};

#[test]
fn templates_render_reference_prompts_like_memor() {
    let dir = conformance_dir().join("objects");
    let mut templates = 0;
    let mut checked = 0;
    let mut failures = Vec::new();
    for n in 0.. {
        let path = dir.join(format!("templates/T{n:03}.json"));
        if !path.exists() {
            break;
        }
        templates += 1;
        let template = load(&path);
        let expected = load(&dir.join(format!("templates/T{n:03}.expected.json")));
        let renders = expected["render_with_reference_prompts"].as_object().unwrap();
        for (prompt_id, outcome) in renders {
            let prompt = load(&dir.join(format!("prompts/{prompt_id}.json")));
            let args = render_args(&prompt, &template["custom_map"]);
            checked += 1;
            if let Some(why) = check_render(&template["content"], &args, outcome) {
                failures.push(format!("T{n:03} × {prompt_id}: {why}"));
            }
        }
    }
    println!(
        "template fixtures: {templates} templates, {checked} renders checked, {} matched",
        checked - failures.len()
    );
    assert_eq!(templates, 26);
    assert!(failures.is_empty(), "{failures:#?}");
}
