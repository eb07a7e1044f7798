/** Browsing images: a virtualised grid of thumbnails. */
package org.dsrcnn.viewer.browser;
