package org.dsrcnn.app.main;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

/**
 * One page's keyboard shortcuts: what each key does and how the help overlay describes it. The
 * main window asks the shown page's bindings first, then its own, and only while no text field
 * has the keyboard (typing "3" into the top-k field types a 3; it does not move the stage).
 */
public final class KeyBindings {

    /** A line of the help overlay. */
    public record Help(String keys, String action) {}

    private record Pressed(Predicate<KeyEvent> matches, java.util.function.Consumer<KeyEvent> action) {}

    private record Typed(String characters, Runnable action) {}

    private final List<Pressed> pressed = new ArrayList<>();
    private final List<Typed> typed = new ArrayList<>();
    private final List<Help> help = new ArrayList<>();

    /** A key combination (e.g. {@code Shortcut+Z}, {@code DELETE}). */
    public KeyBindings onPressed(KeyCombination combination, String keys, String action, Runnable run) {
        return onPressed(combination::match, keys, action, run);
    }

    /** Any key event the predicate accepts (e.g. the digit keys); {@code keys} null = no help line. */
    public KeyBindings onPressed(Predicate<KeyEvent> matches, String keys, String action, Runnable run) {
        return onKeyEvent(matches, keys, action, e -> run.run());
    }

    /** As {@link #onPressed(Predicate, String, String, Runnable)}, the action getting the event. */
    public KeyBindings onKeyEvent(Predicate<KeyEvent> matches, String keys, String action,
            java.util.function.Consumer<KeyEvent> run) {
        pressed.add(new Pressed(matches, run));
        if (keys != null) {
            help.add(new Help(keys, action));
        }
        return this;
    }

    /** Typed characters (layout-independent: "+" is "+" on every keyboard), each doing the same. */
    public KeyBindings onTyped(String characters, String keys, String action, Runnable run) {
        typed.add(new Typed(characters, run));
        if (keys != null) {
            help.add(new Help(keys, action));
        }
        return this;
    }

    /** A help line for something done with the mouse or handled by a control itself. */
    public KeyBindings describe(String keys, String action) {
        help.add(new Help(keys, action));
        return this;
    }

    /** Runs the binding for a KEY_PRESSED event; true when one matched. */
    public boolean handlePressed(KeyEvent e) {
        for (Pressed p : pressed) {
            if (p.matches().test(e)) {
                p.action().accept(e);
                return true;
            }
        }
        return false;
    }

    /** Runs the binding for a KEY_TYPED event (no Ctrl / Cmd); true when one matched. */
    public boolean handleTyped(KeyEvent e) {
        if (e.isShortcutDown() || e.isControlDown() || e.isAltDown()) {
            return false;
        }
        String c = e.getCharacter();
        for (Typed t : typed) {
            if (!c.isEmpty() && t.characters().contains(c)) {
                t.action().run();
                return true;
            }
        }
        return false;
    }

    /** The help overlay's lines, in the order they were bound. */
    public List<Help> help() {
        return List.copyOf(help);
    }

    /**
     * True when the keyboard is in a text field (a text input, or an editable spinner or combo box,
     * whose editor is a text field but which receives the key events itself).
     */
    public static boolean typingIntoText(Scene scene, KeyEvent e) {
        if (e.getTarget() instanceof Node n && isTextInput(n)) {
            return true;
        }
        return scene != null && scene.getFocusOwner() != null && isTextInput(scene.getFocusOwner());
    }

    private static boolean isTextInput(Node n) {
        for (Node x = n; x != null; x = x.getParent()) {
            if (x instanceof TextInputControl t && t.isEditable()) {
                return true;
            }
            if (x instanceof Spinner<?> s && s.isEditable()) {
                return true;
            }
            if (x instanceof ComboBoxBase<?> c && c.isEditable()) {
                return true;
            }
        }
        return false;
    }

    /** 0..9 for the digit keys of the main row and the keypad, else -1. */
    public static int digit(javafx.scene.input.KeyCode c) {
        if (c.ordinal() >= javafx.scene.input.KeyCode.DIGIT0.ordinal()
                && c.ordinal() <= javafx.scene.input.KeyCode.DIGIT9.ordinal()) {
            return c.ordinal() - javafx.scene.input.KeyCode.DIGIT0.ordinal();
        }
        if (c.ordinal() >= javafx.scene.input.KeyCode.NUMPAD0.ordinal()
                && c.ordinal() <= javafx.scene.input.KeyCode.NUMPAD9.ordinal()) {
            return c.ordinal() - javafx.scene.input.KeyCode.NUMPAD0.ordinal();
        }
        return -1;
    }
}
