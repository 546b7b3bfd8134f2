package io.payorch.bootstrap.jar;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The README's "Walkthrough" section as steps: each {@code bash} block, and the {@code json} or
 * {@code text} block right after it (the answer the README shows), if any.
 */
record ReadmeWalkthrough(List<Step> steps) {

    /** @param textAnswer the shown answer is plain text, compared exactly (else JSON, compared by field) */
    record Step(String heading, String commands, String shownAnswer, boolean textAnswer) {
    }

    static ReadmeWalkthrough read() throws IOException {
        Path readme = Path.of(System.getProperty("payorch.readme", "../README.md"));
        List<String> lines = Files.readAllLines(readme, StandardCharsets.UTF_8);
        List<Step> steps = new ArrayList<>();
        boolean inWalkthrough = false;
        String heading = "";
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("## ")) {
                inWalkthrough = line.startsWith("## Walkthrough");
                continue;
            }
            if (!inWalkthrough) {
                continue;
            }
            if (line.startsWith("### ")) {
                heading = line.substring(4).trim();
            } else if (line.equals("```bash")) {
                StringBuilder block = new StringBuilder();
                for (i++; !lines.get(i).equals("```"); i++) {
                    block.append(lines.get(i)).append('\n');
                }
                String answer = null;
                int next = i + 1;
                while (next < lines.size() && lines.get(next).isBlank()) {
                    next++;
                }
                boolean text = false;
                if (next < lines.size() && (lines.get(next).equals("```json") || lines.get(next).equals("```text"))) {
                    text = lines.get(next).equals("```text");
                    StringBuilder shown = new StringBuilder();
                    for (next++; !lines.get(next).equals("```"); next++) {
                        shown.append(lines.get(next)).append('\n');
                    }
                    answer = shown.toString();
                    i = next;
                }
                steps.add(new Step(heading, block.toString(), answer, text));
            }
        }
        return new ReadmeWalkthrough(List.copyOf(steps));
    }
}
