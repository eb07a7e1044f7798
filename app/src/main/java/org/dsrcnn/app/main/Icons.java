package org.dsrcnn.app.main;

import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;

/** Material Design icons (Ikonli materialdesign2) at the app's sizes. */
public final class Icons {

    private Icons() {}

    public static FontIcon of(Ikon ikon) {
        FontIcon icon = new FontIcon(ikon);
        icon.setIconSize(18);
        return icon;
    }

    public static FontIcon small(Ikon ikon) {
        FontIcon icon = new FontIcon(ikon);
        icon.setIconSize(15);
        return icon;
    }
}
