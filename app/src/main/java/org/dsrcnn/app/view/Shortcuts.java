package org.dsrcnn.app.view;

import java.util.List;

/** The keyboard shortcuts, as the help overlay lists them (the handlers live in MainView). */
final class Shortcuts {

    record Shortcut(String keys, String action) {}

    static final List<Shortcut> ALL = List.of(
            new Shortcut("a / d", "previous / next image"),
            new Shortcut("0 … 6", "jump to stage (0 = proposals entering stage 1)"),
            new Shortcut("← / →  (on the stage slider)", "previous / next stage"),
            new Shortcut("+ / −", "zoom in / out (or the mouse wheel, at the cursor)"),
            new Shortcut("f", "fit the image to the window"),
            new Shortcut("drag", "pan"),
            new Shortcut("click a box", "select that proposal everywhere"),
            new Shortcut("Esc", "clear the selection / close this help"),
            new Shortcut("b / g / s / t / e", "toggle detections, GT, stage boxes, trails, expert boxes"),
            new Shortcut("n", "NMS on / off"),
            new Shortcut("Ctrl+O / Ctrl+Shift+O", "open an image / a folder"),
            new Shortcut("Ctrl+M", "open a model directory"),
            new Shortcut("Ctrl+E", "export the view as PNG"),
            new Shortcut("? / F1", "this help"));

    private Shortcuts() {}
}
