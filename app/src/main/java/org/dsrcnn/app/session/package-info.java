/**
 * The analysis session shared by every page (JabRef's StateManager): what is browsed and which
 * image is current, its trace and ground truth (editable, with undo), the model, the stage and the
 * selected proposal, and the notices. Pages observe it; none owns it. No controls here, so it is
 * tested without a window.
 */
package org.dsrcnn.app.session;
