/**
 * The proposals entering the first head stage: Sparse R-CNN's learned static set ({@link
 * org.dsrcnn.engine.model.proposals.StaticProposals}) or the paper's Dynamic Proposal Generation
 * ({@link org.dsrcnn.engine.model.proposals.DynamicProposals}): N_e expert sets of boxes and
 * features mixed per image by weights from a staircase network over P2..P5.
 */
package org.dsrcnn.engine.model.proposals;
