/** Views: layout and bindings only; all state and logic live in the view-models. */
package org.dsrcnn.app.view;
