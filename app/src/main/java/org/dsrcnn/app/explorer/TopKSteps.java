package org.dsrcnn.app.explorer;

import javafx.scene.control.SpinnerValueFactory;

/**
 * Top-k values 1..1000 stepped by 1 below 10, by 10 below 100 and by 100 above: a fixed step of 10
 * went 3 -> 1 -> 11 and could not reach 2..9 with the arrows; a step of 1 would take 900 clicks
 * from 100 to 1000. Typed values are kept as typed (clamped).
 */
final class TopKSteps extends SpinnerValueFactory<Integer> {

    static final int MIN = 1;
    static final int MAX = 1000;

    TopKSteps(int initial) {
        setConverter(new javafx.util.converter.IntegerStringConverter());
        valueProperty().addListener((obs, o, v) -> {
            if (v == null) {
                setValue(o == null ? MIN : o);
            } else if (v < MIN || v > MAX) {
                setValue(Math.max(MIN, Math.min(MAX, v)));
            }
        });
        setValue(initial);
    }

    /** The next value up from {@code v}: the next multiple of the step of v's decade. */
    static int up(int v) {
        int step = v < 10 ? 1 : v < 100 ? 10 : 100;
        return Math.min(MAX, (v / step + 1) * step);
    }

    /** The next value down from {@code v}. */
    static int down(int v) {
        int step = v <= 10 ? 1 : v <= 100 ? 10 : 100;
        int below = v % step == 0 ? v - step : v - v % step;
        return Math.max(MIN, below);
    }

    @Override
    public void decrement(int steps) {
        int v = getValue();
        for (int i = 0; i < steps; i++) {
            v = down(v);
        }
        setValue(v);
    }

    @Override
    public void increment(int steps) {
        int v = getValue();
        for (int i = 0; i < steps; i++) {
            v = up(v);
        }
        setValue(v);
    }
}
