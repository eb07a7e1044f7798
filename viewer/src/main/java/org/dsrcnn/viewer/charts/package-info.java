/** Small canvas charts of a trace: the DPG expert mix, the proposal x expert weight heat map, score sparklines. */
package org.dsrcnn.viewer.charts;
