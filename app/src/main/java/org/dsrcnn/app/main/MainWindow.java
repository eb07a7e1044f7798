package org.dsrcnn.app.main;

import java.util.ArrayList;
import java.util.List;
import javafx.animation.PauseTransition;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.util.Duration;
import org.controlsfx.control.NotificationPane;
import org.dsrcnn.app.session.AnalysisSession;
import org.dsrcnn.app.session.Notice;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignH;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;

/**
 * The window: a bar with one button per page (Ctrl+1, Ctrl+2, ...), the shown page, one shared
 * notification bar and status bar, and the help overlay. Keys go to the shown page's
 * {@link KeyBindings} first, then to the window's (help, page switching), and to neither while a
 * text field has the keyboard.
 */
public final class MainWindow extends StackPane {

    private final AnalysisSession session;
    private final List<Page> pages;
    private final StackPane host = new StackPane();
    private final StatusBar status;
    private final HelpOverlay help = new HelpOverlay();
    private final NotificationPane notifications;
    private final ToggleGroup pageButtons = new ToggleGroup();
    private final KeyBindings windowKeys = new KeyBindings();
    private final ReadOnlyObjectWrapper<Page> shown = new ReadOnlyObjectWrapper<>(this, "shown");
    private final PauseTransition autoHide = new PauseTransition(Duration.seconds(5));

    public MainWindow(AnalysisSession session, List<Page> pages) {
        this.session = session;
        this.pages = List.copyOf(pages);
        setId("main-window");
        status = new StatusBar(session);
        host.setId("page-host");
        // a page wider than the window is cut at the right instead of pushing the page bar and the
        // status bar off the window
        host.setMinSize(0, 0);
        javafx.scene.shape.Rectangle clip = new javafx.scene.shape.Rectangle();
        clip.widthProperty().bind(host.widthProperty());
        clip.heightProperty().bind(host.heightProperty());
        host.setClip(clip);
        notifications = new NotificationPane(host);
        notifications.setId("notifications");
        notifications.setMinSize(0, 0);
        notifications.setShowFromTop(false); // at the bottom: never over a page's tool bar

        BorderPane layout = new BorderPane();
        layout.setTop(pageBar());
        layout.setCenter(notifications);
        layout.setBottom(status);
        getChildren().addAll(layout, help);

        windowKeys.onPressed(e -> e.getCode() == KeyCode.F1, "? / F1", "this help", this::toggleHelp);
        windowKeys.onTyped("?", null, null, this::toggleHelp);
        windowKeys.onPressed(e -> e.getCode() == KeyCode.ESCAPE && help.isVisible(), null, null,
                () -> help.setVisible(false));
        for (int i = 0; i < this.pages.size() && i < 9; i++) {
            Page p = this.pages.get(i);
            windowKeys.onPressed(KeyCombination.keyCombination("Shortcut+" + (i + 1)), "Ctrl+" + (i + 1),
                    "show the " + p.title() + " page", () -> show(p));
        }

        session.noticeProperty().addListener((obs, o, n) -> showNotice(n));
        autoHide.setOnFinished(e -> notifications.hide());
        addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        addEventFilter(KeyEvent.KEY_TYPED, this::onKey);
        if (!this.pages.isEmpty()) {
            show(this.pages.get(0));
        }
    }

    private HBox pageBar() {
        HBox bar = new HBox(4);
        bar.setId("page-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 8, 4, 8));
        bar.setStyle("-fx-background-color: -color-bg-subtle;"
                + " -fx-border-color: transparent transparent -color-border-default transparent;");
        for (int i = 0; i < pages.size(); i++) {
            Page p = pages.get(i);
            ToggleButton b = new ToggleButton(p.title(), Icons.small(p.icon()));
            b.setId("page-" + p.id());
            b.setToggleGroup(pageButtons);
            b.setFocusTraversable(false);
            b.setTooltip(new Tooltip(p.title() + " (Ctrl+" + (i + 1) + ")"));
            b.getStyleClass().add(pages.size() == 1 ? "" : i == 0 ? "left-pill" : i == pages.size() - 1 ? "right-pill" : "center-pill");
            b.setOnAction(e -> show(p));
            bar.getChildren().add(b);
        }
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button helpButton = new Button(null, Icons.of(MaterialDesignH.HELP_CIRCLE_OUTLINE));
        helpButton.setId("help");
        helpButton.getStyleClass().addAll("button-icon", "flat");
        helpButton.setTooltip(new Tooltip("Keyboard shortcuts (? or F1)"));
        helpButton.setFocusTraversable(false);
        helpButton.setOnAction(e -> toggleHelp());
        bar.getChildren().addAll(spacer, helpButton);
        return bar;
    }

    /** Shows a page (its key bindings become the active ones). */
    public void show(Page page) {
        if (shown.get() == page) {
            return;
        }
        host.getChildren().setAll(page.view());
        status.pageTextProperty().set(page.statusText());
        for (javafx.scene.control.Toggle t : pageButtons.getToggles()) {
            ToggleButton b = (ToggleButton) t;
            b.setSelected(b.getId().equals("page-" + page.id()));
        }
        shown.set(page);
        page.shown();
    }

    /** The page with this id. */
    public Page page(String id) {
        return pages.stream().filter(p -> p.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no page " + id));
    }

    /** The shown page. */
    public ReadOnlyObjectProperty<Page> shownProperty() {
        return shown.getReadOnlyProperty();
    }

    private void toggleHelp() {
        if (help.isVisible()) {
            help.setVisible(false);
            return;
        }
        Page p = shown.get();
        help.show(p == null ? "" : p.title(), p == null ? List.of() : p.keys().help(), windowKeys.help());
    }

    /** The help overlay (tests read what it lists). */
    public HelpOverlay help() {
        return help;
    }

    private void onKey(KeyEvent e) {
        boolean typing = KeyBindings.typingIntoText(getScene(), e);
        boolean pressed = e.getEventType() == KeyEvent.KEY_PRESSED;
        if (typing && !(pressed && e.getCode() == KeyCode.F1)) {
            return;
        }
        List<KeyBindings> order = new ArrayList<>();
        if (help.isVisible()) {
            order.add(windowKeys); // Esc closes the help before the page sees it
        }
        if (shown.get() != null) {
            order.add(shown.get().keys());
        }
        order.add(windowKeys);
        for (KeyBindings k : order) {
            if (pressed ? k.handlePressed(e) : k.handleTyped(e)) {
                e.consume();
                return;
            }
        }
    }

    private void showNotice(Notice n) {
        if (n == null) { // dismissed: it was about something no longer on screen
            autoHide.stop();
            notifications.hide();
            return;
        }
        Ikon icon = switch (n.level()) {
            case INFO -> MaterialDesignI.INFORMATION_OUTLINE;
            case WARNING -> MaterialDesignA.ALERT_OUTLINE;
            case ERROR -> MaterialDesignA.ALERT_CIRCLE_OUTLINE;
        };
        org.kordamp.ikonli.javafx.FontIcon graphic = Icons.of(icon);
        graphic.setIconColor(javafx.scene.paint.Color.web(switch (n.level()) {
            case INFO -> "#0969da";
            case WARNING -> "#9a6700";
            case ERROR -> "#cf222e";
        }));
        notifications.show(n.text(), graphic);
        autoHide.stop();
        if (n.level() != Notice.Level.ERROR) {
            autoHide.playFromStart();
        }
    }

    /** The notification bar (tests). */
    public NotificationPane notifications() {
        return notifications;
    }

    /** The session the pages share. */
    public AnalysisSession session() {
        return session;
    }
}
